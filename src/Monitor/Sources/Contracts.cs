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
    RegionLevel[]? Levels = null)
{
    /// <summary>The SQL column name: the header in snake_case.</summary>
    public string SqlName => Header.ToLowerInvariant();
    public bool HasStatus => Empty == EmptyCell.MissingOrSuppressed;
    public string SqlType => Type switch
    {
        CellType.Year => "INTEGER",
        CellType.Count or CellType.SignedInteger => "BIGINT",
        CellType.Decimal => "DOUBLE",
        CellType.Date => "DATE",
        _ => "VARCHAR",
    };
}

/// <summary>A check that looks at one parsed row; returns the offending column and reason, or null.</summary>
public delegate (string Column, string Reason)? RowRule(IReadOnlyDictionary<string, object?> row);

public sealed record DatasetContract(
    string Folder,
    string Source,      // file name prefix: tpm, predict, uwv, roa
    string Dataset,     // onderwijs, werkzaam, ...
    string Supplier,    // Techniekpactmonitor, pr-eDICT, UWV, ROA
    string Frequency,   // yearly, quarterly, biennial: drives the freshness check
    ColumnSpec[] Columns,
    RowRule[]? RowRules = null,
    bool NlExclusiveWithProvinces = false,
    bool Optional = false)
{
    public string Name => $"{Source}_{Dataset}";
    public string RawTable => $"raw.{Name}";
    public IEnumerable<ColumnSpec> KeyColumns => Columns.Where(c => c.Key);
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
    ];

    public static DatasetContract? Find(string source, string dataset)
        => All.FirstOrDefault(c => c.Source == source && c.Dataset == dataset);
}
