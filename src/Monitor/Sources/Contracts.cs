// The extract contracts of ../shared/CONTRACTS.md, written down once as data.
// The loader, the validator, the raw DDL test and the docs all read these declarations.
using Monitor.Domain;

namespace Monitor.Sources;

public enum CellType
{
    Year,            // 2023 or 2023JJ00 -> INTEGER
    Quarter,         // 2023KW1 -> VARCHAR canonical
    SchoolYear,      // 2023/2024 -> VARCHAR canonical
    ForecastPeriod,  // 2021-2026 -> VARCHAR canonical
    Region,          // NL, PVxx, AMxx, TPn -> VARCHAR
    Beroepsklasse,   // BRC class 01..13 -> VARCHAR two digits
    Enum,            // one of Allowed, matched case-insensitively -> VARCHAR lower case
    Count,           // integer >= 0 -> BIGINT
    SignedInteger,   // integer, may be negative -> BIGINT
    Decimal,         // decimal comma or point -> DOUBLE
    Date,            // YYYY-MM-DD -> DATE
    Text,            // free text -> VARCHAR
    BoundedInteger,  // integer within ColumnSpec.Range (e.g. pillar 1..4) -> INTEGER
}

/// <summary>How an empty cell is read.</summary>
public enum EmptyCell
{
    /// <summary>Key cells: an empty cell is a row error.</summary>
    Error,
    /// <summary>Measure cells (CBS convention): empty or <c>.</c> is missing, <c>x</c> is suppressed; kept in a <c>_status</c> column.</summary>
    MissingOrSuppressed,
    /// <summary>An empty cell has a meaning of its own (e.g. a vacancy not yet filled): NULL, no status.</summary>
    Null,
}

public sealed record ColumnSpec(
    string Header,
    CellType Type,
    bool Key = false,
    EmptyCell Empty = EmptyCell.Error,
    string[]? Allowed = null,
    RegionLevel[]? Levels = null,
    (int Min, int Max)? Range = null)
{
    /// <summary>The SQL column name: the header in snake_case.</summary>
    public string SqlName => Header.ToLowerInvariant();
    public bool HasStatus => Empty == EmptyCell.MissingOrSuppressed;
    public string SqlType => Type switch
    {
        CellType.Year or CellType.BoundedInteger => "INTEGER",
        CellType.Count or CellType.SignedInteger => "BIGINT",
        CellType.Decimal => "DOUBLE",
        CellType.Date => "DATE",
        _ => "VARCHAR",
    };
}

/// <summary>A check that looks at one parsed row; returns the offending column and reason, or null.</summary>
public delegate (string Column, string Reason)? RowRule(IReadOnlyDictionary<string, object?> row);

/// <summary>A check of one parsed row against the vintage (publication date) of its file.</summary>
public delegate (string Column, string Reason)? VintageRule(IReadOnlyDictionary<string, object?> row, DateOnly vintage);

public sealed record DatasetContract(
    string Folder,
    string Source,      // file name prefix: tpm, predict, uwv, roa
    string Dataset,     // onderwijs, werkzaam, ...
    string Supplier,    // Techniekpactmonitor, pr-eDICT, UWV, ROA, CBS, Programmabureau
    string Frequency,   // yearly, quarterly, biennial: drives the freshness check
    ColumnSpec[] Columns,
    RowRule[]? RowRules = null,
    bool NlExclusiveWithProvinces = false,
    bool Optional = false,
    VintageRule[]? VintageRules = null)
{
    public string Name => $"{Source}_{Dataset}";
    public string RawTable => $"raw.{Name}";
    public IEnumerable<ColumnSpec> KeyColumns => Columns.Where(c => c.Key);

    /// <summary>How old the latest loaded vintage may be before the freshness check calls it overdue.</summary>
    public int MaxAgeMonths => Frequency switch
    {
        "yearly" => 15,
        "quarterly" => 5,
        "biennial" => 27,
        _ => throw new InvalidOperationException($"dataset {Name}: unknown frequency '{Frequency}'"),
    };
}

public static class Contracts
{
    static readonly string[] Geslacht = ["man", "vrouw"];
    static readonly string[] Fase = ["instroom", "ingeschreven", "gediplomeerd"];
    static readonly string[] InstroomCategorie = ["onderwijs", "zij_instroom", "buitenland", "uitkering", "overig"];
    static readonly string[] UitstroomCategorie = ["ander_werk", "pensioen", "uitkering", "buitenland", "overig"];
    static readonly RegionLevel[] NlOrProvince = [RegionLevel.Nl, RegionLevel.Provincie];

    static ColumnSpec Key(string header, CellType type, string[]? allowed = null, RegionLevel[]? levels = null)
        => new(header, type, Key: true, Allowed: allowed, Levels: levels);

    static ColumnSpec Measure(string header, CellType type, string[]? allowed = null)
        => new(header, type, Empty: EmptyCell.MissingOrSuppressed, Allowed: allowed);

    /// <summary>Instroom categories belong to instroom, uitstroom categories to uitstroom.</summary>
    static (string, string)? CategoryFitsStroom(IReadOnlyDictionary<string, object?> row)
    {
        var stroom = (string?)row["stroom"];
        var categorie = (string?)row["categorie"];
        if (stroom is null || categorie is null) return null;
        var allowed = stroom == "instroom" ? InstroomCategorie : UitstroomCategorie;
        return allowed.Contains(categorie)
            ? null
            : ("Categorie", $"category '{categorie}' does not belong to Stroom '{stroom}' (expected one of {string.Join(", ", allowed)})");
    }

    /// <summary>ROA: Baanopeningen = max(Uitbreidingsvraag, 0) + Vervangingsvraag, within 100.</summary>
    static (string, string)? RoaIdentity(IReadOnlyDictionary<string, object?> row)
    {
        if (row["baanopeningen"] is not long open || row["uitbreidingsvraag"] is not long expansion || row["vervangingsvraag"] is not long replacement)
            return null;
        var expected = Math.Max(expansion, 0) + replacement;
        return Math.Abs(open - expected) <= 100
            ? null
            : ("Baanopeningen", $"job openings {open} differ from max(Uitbreidingsvraag, 0) + Vervangingsvraag = {expected} by more than 100");
    }

    /// <summary>Datum_vervuld not before Datum_ontstaan (also implemented by the fast detail path, which checks that it is the only rule).</summary>
    internal static (string, string)? FilledNotBeforeArisen(IReadOnlyDictionary<string, object?> row)
    {
        if (row["datum_ontstaan"] is not DateOnly arisen || row["datum_vervuld"] is not DateOnly filled) return null;
        return filled >= arisen ? null : ("Datum_vervuld", $"filled on {filled:yyyy-MM-dd}, before the vacancy arose on {arisen:yyyy-MM-dd}");
    }

    // ---- Pillars 3 and 4 -------------------------------------------------------------------------

    /// <summary>SBI 2008 sections A..S and the whole economy (reference/bedrijfstakken.csv holds their names).</summary>
    static readonly string[] Bedrijfstakken = ["totaal", .. Enumerable.Range('A', 'S' - 'A' + 1).Select(c => ((char)c).ToString())];
    static readonly string[] ActieStatus = ["gepland", "in_uitvoering", "afgerond", "vertraagd", "gestopt"];
    static readonly string[] Overleggen = ["koersoverleg", "kerngroep_pijler1", "kerngroep_pijler2", "kerngroep_pijler3", "dg_overleg", "regionaal"];
    static readonly string[] LinkDomains = ["techniek", "ict", "totaal"];

    /// <summary>The tolerance of the CBS productivity identity, in percentage points.</summary>
    public const double ProductivityIdentityTolerance = 0.15;

    /// <summary>CBS: Productiviteit_mutatie = 100 · ((1 + TW/100) / (1 + AV/100) − 1), within 0.15 pp, where all three are delivered.</summary>
    static (string, string)? ProductivityIdentity(IReadOnlyDictionary<string, object?> row)
    {
        if (row["productiviteit_mutatie"] is not double pm || row["toegevoegde_waarde_mutatie"] is not double tw || row["arbeidsvolume_mutatie"] is not double av)
            return null;
        if (av <= -100)
            return ("Arbeidsvolume_mutatie", FormattableString.Invariant($"a change of hours worked of {av} % leaves no hours to divide by"));
        var expected = 100 * ((1 + tw / 100) / (1 + av / 100) - 1);
        return Math.Abs(expected - pm) <= ProductivityIdentityTolerance + 1e-9
            ? null
            : ("Productiviteit_mutatie", FormattableString.Invariant(
                $"productivity change {pm} differs from 100·((1 + Toegevoegde_waarde_mutatie/100)/(1 + Arbeidsvolume_mutatie/100) − 1) = {expected:0.###} by more than {ProductivityIdentityTolerance} percentage points"));
    }

    static (string, string)? ActieIdPattern(IReadOnlyDictionary<string, object?> row)
    {
        var id = (string?)row["actie_id"];
        if (id is null) return null;
        return id.Length >= 2 && id[0] == 'A' && id.Skip(1).All(char.IsAsciiDigit)
            ? null
            : ("Actie_id", $"'{id}' is not an action id (expected A followed by digits, e.g. A07)");
    }

    static (string, string)? PlannedNotBeforeStart(IReadOnlyDictionary<string, object?> row)
    {
        if (row["start"] is not DateOnly start || row["gepland_gereed"] is not DateOnly planned) return null;
        return planned >= start ? null : ("Gepland_gereed", $"planned completion {planned:yyyy-MM-dd} lies before Start {start:yyyy-MM-dd}");
    }

    /// <summary>Gereed is filled when, and only when, the action is afgerond; it is not before Start.</summary>
    static (string, string)? GereedIffAfgerond(IReadOnlyDictionary<string, object?> row)
    {
        var status = (string?)row["status"];
        var gereed = row["gereed"] as DateOnly?;
        if (status == "afgerond" && gereed is null) return ("Gereed", "an afgerond action needs its Gereed date");
        if (status != "afgerond" && gereed is not null) return ("Gereed", $"Gereed is only filled for an afgerond action, this one is {status}");
        if (gereed is { } done && row["start"] is DateOnly start && done < start)
            return ("Gereed", $"completed on {done:yyyy-MM-dd}, before Start {start:yyyy-MM-dd}");
        return null;
    }

    /// <summary>The catalogue codes an action may link to; read once from the embedded catalogue model.</summary>
    static readonly Lazy<HashSet<string>> CatalogueCodes = new(() =>
        Monitor.Indicators.IndicatorCatalogue.Embedded().Select(e => e.Code).ToHashSet(StringComparer.Ordinal));

    /// <summary>Splits an Indicator cell into its links (code or code:domein), as written, without blanks.</summary>
    public static IReadOnlyList<string> IndicatorLinks(string? cell) =>
        cell is null ? [] : cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    static (string, string)? KnownIndicatorLinks(IReadOnlyDictionary<string, object?> row)
    {
        var cell = (string?)row["indicator"];
        if (cell is null) return null;
        var links = cell.Split(',', StringSplitOptions.TrimEntries);
        foreach (var link in links)
        {
            if (link.Length == 0) return ("Indicator", "empty link between commas (expected catalogue codes separated by ',')");
            var parts = link.Split(':');
            if (parts.Length > 2) return ("Indicator", $"link '{link}' has more than one ':' (expected code or code:domein)");
            if (!CatalogueCodes.Value.Contains(parts[0]))
                return ("Indicator", $"'{parts[0]}' is not an indicator code of the catalogue (see `monitor indicators`)");
            if (parts.Length == 2 && !LinkDomains.Contains(parts[1]))
                return ("Indicator", $"link '{link}' names domain '{parts[1]}' (expected {string.Join(", ", LinkDomains)})");
        }
        return null;
    }

    static (string, string)? AtLeastOneInvited(IReadOnlyDictionary<string, object?> row) =>
        row["genodigd"] is long invited && invited < 1 ? ("Genodigd", "at least one partner is invited to a meeting") : null;

    static (string, string)? PresentNotAboveInvited(IReadOnlyDictionary<string, object?> row) =>
        row["aanwezig"] is long present && row["genodigd"] is long invited && present > invited
            ? ("Aanwezig", $"{present} present is more than the {invited} invited")
            : null;

    static (string, string)? MeetingNotAfterVintage(IReadOnlyDictionary<string, object?> row, DateOnly vintage) =>
        row["datum"] is DateOnly date && date > vintage
            ? ("Datum", $"meeting on {date:yyyy-MM-dd} lies after the vintage date {vintage:yyyy-MM-dd}; a vintage holds the meetings held up to its date")
            : null;

    static ColumnSpec[] Werkzaam(string measure) =>
    [
        Key("Jaar", CellType.Year),
        Key("Regio", CellType.Region, levels: NlOrProvince),
        Key("Geslacht", CellType.Enum, Geslacht),
        Measure(measure, CellType.Count),
    ];

    static ColumnSpec[] Stromen() =>
    [
        Key("Jaar", CellType.Year),
        Key("Stroom", CellType.Enum, ["instroom", "uitstroom"]),
        Key("Categorie", CellType.Enum, InstroomCategorie.Union(UitstroomCategorie).ToArray()),
        Key("Regio", CellType.Region, levels: NlOrProvince),
        Measure("Aantal", CellType.Count),
    ];

    public static readonly IReadOnlyList<DatasetContract> All =
    [
        new("techniekpact", "tpm", "onderwijs", "Techniekpactmonitor", "yearly",
        [
            Key("Studiejaar", CellType.SchoolYear),
            Key("Onderwijssoort", CellType.Enum, ["vmbo", "havo", "vwo", "mbo", "hbo", "wo"]),
            Key("Fase", CellType.Enum, Fase),
            Key("Richting", CellType.Enum, ["betatechniek", "overig"]),
            Key("Regio", CellType.Region, levels: [RegionLevel.Nl, RegionLevel.Techniekpactregio]),
            Key("Geslacht", CellType.Enum, Geslacht),
            Measure("Aantal", CellType.Count),
        ]),
        new("techniekpact", "tpm", "werkzaam", "Techniekpactmonitor", "yearly", Werkzaam("Werkzaam"), NlExclusiveWithProvinces: true),
        new("techniekpact", "tpm", "stromen", "Techniekpactmonitor", "yearly", Stromen(), [CategoryFitsStroom], NlExclusiveWithProvinces: true),
        new("techniekpact", "tpm", "docenten", "Techniekpactmonitor", "yearly",
        [
            Key("Jaar", CellType.Year),
            Key("Onderwijssoort", CellType.Enum, ["vmbo", "mbo", "hbo"]),
            Measure("Hybride_docenten", CellType.Count),
        ]),
        new("predict", "predict", "onderwijs", "pr-eDICT", "yearly",
        [
            Key("Studiejaar", CellType.SchoolYear),
            Key("Onderwijssoort", CellType.Enum, ["mbo", "hbo", "wo"]),
            Key("Fase", CellType.Enum, Fase),
            Key("Type", CellType.Enum, ["ict", "hybride"]),
            Key("Regio", CellType.Region, levels: NlOrProvince),
            Key("Geslacht", CellType.Enum, Geslacht),
            Measure("Aantal", CellType.Count),
        ], NlExclusiveWithProvinces: true),
        new("predict", "predict", "werkzaam", "pr-eDICT", "yearly", Werkzaam("Werkzaam"), NlExclusiveWithProvinces: true),
        new("predict", "predict", "stromen", "pr-eDICT", "yearly", Stromen(), [CategoryFitsStroom], NlExclusiveWithProvinces: true),
        new("uwv", "uwv", "vacatures", "UWV", "quarterly",
        [
            Key("Periode", CellType.Quarter),
            Key("Arbeidsmarktregio", CellType.Region, levels: [RegionLevel.Arbeidsmarktregio]),
            Key("Beroepsklasse", CellType.Beroepsklasse),
            Measure("Openstaande_vacatures", CellType.Count),
            Measure("WW_korter_dan_half_jaar", CellType.Count),
        ]),
        new("uwv", "uwv", "vacatures_detail", "UWV", "quarterly",
        [
            Key("Vacature_id", CellType.Text),
            new("Datum_ontstaan", CellType.Date),
            new("Datum_vervuld", CellType.Date, Empty: EmptyCell.Null),
            new("Beroepsklasse", CellType.Beroepsklasse),
            new("Arbeidsmarktregio", CellType.Region, Levels: [RegionLevel.Arbeidsmarktregio]),
            new("Aantal_posities", CellType.Count),
        ], [FilledNotBeforeArisen], Optional: true),
        new("roa", "roa", "prognoses", "ROA", "biennial",
        [
            Key("Prognoseperiode", CellType.ForecastPeriod),
            Key("Beroepsklasse", CellType.Beroepsklasse),
            Measure("Werkgelegenheid_begin", CellType.Count),
            Measure("Uitbreidingsvraag", CellType.SignedInteger),
            Measure("Vervangingsvraag", CellType.Count),
            Measure("Baanopeningen", CellType.Count),
            Measure("Instroom_schoolverlaters", CellType.Count),
            Measure("ITKP", CellType.Decimal),
            Measure("Typering", CellType.Enum, ["geen", "enige", "groot", "zeer groot"]),
        ], [RoaIdentity]),
        // Optional: a data directory from before these suppliers existed still runs; once a vintage has loaded,
        // the freshness check watches the dataset like any other (docs/warehouse.md, meta.datasets).
        new("cbs", "cbs", "arbeidsproductiviteit", "CBS", "yearly",
        [
            Key("Jaar", CellType.Year),
            Key("Bedrijfstak", CellType.Enum, Bedrijfstakken),
            Measure("Productiviteit_mutatie", CellType.Decimal),
            Measure("Toegevoegde_waarde_mutatie", CellType.Decimal),
            Measure("Arbeidsvolume_mutatie", CellType.Decimal),
            new("Status", CellType.Enum, Allowed: ["voorlopig", "nader_voorlopig", "definitief"]),
        ], [ProductivityIdentity], Optional: true),
        new("programma", "programma", "acties", "Programmabureau", "quarterly",
        [
            Key("Actie_id", CellType.Text),
            new("Pijler", CellType.BoundedInteger, Range: (1, 4)),
            new("Maatregel", CellType.Text),
            new("Eigenaar", CellType.Text),
            new("Status", CellType.Enum, Allowed: ActieStatus),
            new("Start", CellType.Date),
            new("Gepland_gereed", CellType.Date),
            new("Gereed", CellType.Date, Empty: EmptyCell.Null),
            new("Indicator", CellType.Text, Empty: EmptyCell.Null),
        ], [ActieIdPattern, PlannedNotBeforeStart, GereedIffAfgerond, KnownIndicatorLinks], Optional: true),
        new("programma", "programma", "overleggen", "Programmabureau", "quarterly",
        [
            Key("Datum", CellType.Date),
            Key("Overleg", CellType.Enum, Overleggen),
            Measure("Genodigd", CellType.Count),
            Measure("Aanwezig", CellType.Count),
        ], [AtLeastOneInvited, PresentNotAboveInvited], Optional: true, VintageRules: [MeetingNotAfterVintage]),
    ];

    public static DatasetContract? Find(string source, string dataset)
        => All.FirstOrDefault(c => c.Source == source && c.Dataset == dataset);
}
