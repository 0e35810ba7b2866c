// Writes the bundled sample data directory: every required dataset of the contracts, seeded and
// byte-for-byte reproducible, anchored on published national figures (see docs/sample-data.md).
using Monitor.Domain;
using Monitor.Sources;
using Monitor.Warehouse;

namespace Monitor.Generation;

/// <summary>One file the generator wrote.</summary>
public sealed record GeneratedFile(string Folder, string Source, string Dataset, Vintage Vintage, long Rows, FileFormat Format)
{
    public string FileName => $"{Source}_{Dataset}_{Vintage}.csv";
    public string RelativePath => $"{Folder}/{FileName}";
}

/// <summary>A value that a later vintage revises: the cell, its value in the earlier file and in the later one.</summary>
public sealed record SampleRevision(string Dataset, Vintage Earlier, Vintage Later, int Jaar, string Regio, string Geslacht, long OldValue, long NewValue);

public static class SampleDataGenerator
{
    public const int DefaultSeed = 20230214;

    /// <summary>tpm_werkzaam comes twice: the later file adds 2024 and revises these 2023 cells (new minus old).</summary>
    static readonly (int Jaar, string Regio, string Geslacht, long Delta)[] WerkzaamRevision =
    [
        (2023, "PV27", "man", 430),
        (2023, "PV28", "vrouw", -260),
        (2023, "PV30", "man", 615),
    ];

    public static readonly Vintage WerkzaamEarlier = V("2024-05-15");
    public static readonly Vintage WerkzaamLater = V("2025-05-15");

    /// <summary>
    /// Writes techniekpact/, predict/, uwv/, roa/, cbs/ and programma/ under <paramref name="dataDir"/> (and copies the
    /// reference tables into reference/ where they are missing, so the directory is complete).
    /// Existing files with the same names are overwritten; nothing else is touched.
    /// </summary>
    public static IReadOnlyList<GeneratedFile> Generate(string dataDir, int seed = DefaultSeed)
    {
        var files = new List<GeneratedFile>();
        WriteReferenceIfMissing(dataDir);

        // --- techniekpact ---
        var onderwijs = Education.Tpm(seed);
        files.Add(Write(dataDir, "tpm", "onderwijs", V("2025-11-14"), FileFormat.Default, onderwijs.Select(r =>
            new object[] { SchoolYear(r.Jaar), r.Soort, r.Fase, r.Richting, r.Regio, r.Geslacht, r.Aantal })));

        var werkzaam = Workforce.Stock(Workforce.Techniek, seed);
        var earlier = werkzaam.Where(r => r.Jaar <= 2023).Select(r => r with { Werkzaam = r.Werkzaam - DeltaOf(r.Jaar, r.Regio, r.Geslacht) });
        files.Add(Write(dataDir, "tpm", "werkzaam", WerkzaamEarlier, FileFormat.Default, earlier.Select(r => new object[] { r.Jaar, r.Regio, r.Geslacht, r.Werkzaam })));
        files.Add(Write(dataDir, "tpm", "werkzaam", WerkzaamLater, FileFormat.Default, werkzaam.Select(r => new object[] { r.Jaar, r.Regio, r.Geslacht, r.Werkzaam })));

        files.Add(Write(dataDir, "tpm", "stromen", V("2025-05-15"), FileFormat.Default, Workforce.Flows(Workforce.Techniek, seed).Select(r =>
            new object[] { r.Jaar, r.Stroom, r.Categorie, r.Regio, r.Aantal })));

        // Exported from Excel with a byte order mark, as happens.
        files.Add(Write(dataDir, "tpm", "docenten", V("2025-03-14"), new FileFormat(Bom: true), Education.Docenten(seed).Select(r =>
            new object[] { r.Jaar, r.Soort, r.Aantal })));

        // --- predict ---
        files.Add(Write(dataDir, "predict", "onderwijs", V("2025-10-15"), FileFormat.Default, Education.Predict(seed).Select(r =>
            new object[] { SchoolYear(r.Jaar), r.Soort, r.Fase, r.Type, r.Regio, r.Geslacht, r.Aantal })));
        files.Add(Write(dataDir, "predict", "werkzaam", V("2025-06-13"), FileFormat.Default, Workforce.Stock(Workforce.Ict, seed).Select(r =>
            new object[] { r.Jaar, r.Regio, r.Geslacht, r.Werkzaam })));
        files.Add(Write(dataDir, "predict", "stromen", V("2025-06-13"), FileFormat.Default, Workforce.Flows(Workforce.Ict, seed).Select(r =>
            new object[] { r.Jaar, r.Stroom, r.Categorie, r.Regio, r.Aantal })));

        // --- uwv: one file per calendar year of quarters, published in February after it ---
        var uwv = UwvModel.Build(seed);
        foreach (var (year, vintage) in UwvVintages)
        {
            var rows = new List<object[]>();
            for (var q = 0; q < uwv.Quarters.Count; q++)
            {
                if (uwv.Quarters[q].Year != year) continue;
                for (var r = 0; r < uwv.Regions.Count; r++)
                    for (var c = 0; c < uwv.Classes.Count; c++)
                        rows.Add([uwv.Quarters[q].ToString(), uwv.Regions[r], uwv.Classes[c], uwv.Open(q, r, c),
                            uwv.IsSuppressed(q, r, c) ? Suppressed.Cell : uwv.Ww(q, r, c)]);
            }
            files.Add(Write(dataDir, "uwv", "vacatures", vintage, FileFormat.Default, rows));
        }

        // --- roa: two forecast rounds; the older one saved on Windows with CRLF line ends ---
        files.Add(Write(dataDir, "roa", "prognoses", V("2021-12-01"), new FileFormat(Crlf: true), RoaRows("2021-2026", seed)));
        files.Add(Write(dataDir, "roa", "prognoses", V("2023-12-01"), FileFormat.Default, RoaRows("2023-2028", seed)));

        // --- cbs: two releases of labour productivity; the later adds a year and revises the provisional ones ---
        foreach (var (lastYear, vintage) in ProductivityVintages)
            files.Add(Write(dataDir, "cbs", "cbs", "arbeidsproductiviteit", vintage, Productivity.Release(lastYear, seed).Select(r =>
                new object?[] { r.Jaar, r.Bedrijfstak, r.Productiviteit, r.ToegevoegdeWaarde, r.Arbeidsvolume, r.Status })));

        // --- programma: the complete action register per vintage, and the meetings held up to each vintage ---
        for (var i = 0; i < Programme.Vintages.Length; i++)
            files.Add(Write(dataDir, "programma", "programma", "acties", new Vintage(Programme.Vintages[i]), Programme.Register(i).Select(a =>
                new object?[] { a.Id, a.Pijler, a.Maatregel, a.Eigenaar, a.Status, a.Start, a.GeplandGereed, a.Gereed, a.Indicator })));
        foreach (var vintage in Programme.Vintages)
            files.Add(Write(dataDir, "programma", "programma", "overleggen", new Vintage(vintage), Programme.MeetingsUpTo(vintage, seed).Select(m =>
                new object?[] { m.Datum, m.Overleg, m.Genodigd, m.Aanwezig })));
        return files;
    }

    /// <summary>The CBS productivity releases: last year covered and publication date.</summary>
    public static readonly IReadOnlyList<(int LastYear, Vintage Vintage)> ProductivityVintages =
    [
        (2023, V("2024-06-14")), (2024, V("2025-06-13")),
    ];

    /// <summary>
    /// The columns of the pillar 3 and 4 extracts as CONTRACTS.md lists them. The generator writes these
    /// headers itself; where Contracts.cs declares the dataset, its columns must be the same.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> PillarHeaders = new Dictionary<string, string[]>
    {
        ["cbs_arbeidsproductiviteit"] = ["Jaar", "Bedrijfstak", "Productiviteit_mutatie", "Toegevoegde_waarde_mutatie", "Arbeidsvolume_mutatie", "Status"],
        ["programma_acties"] = ["Actie_id", "Pijler", "Maatregel", "Eigenaar", "Status", "Start", "Gepland_gereed", "Gereed", "Indicator"],
        ["programma_overleggen"] = ["Datum", "Overleg", "Genodigd", "Aanwezig"],
    };

    /// <summary>The UWV files: year of the quarters and publication date.</summary>
    public static readonly IReadOnlyList<(int Year, Vintage Vintage)> UwvVintages =
    [
        (2019, V("2020-02-14")), (2020, V("2021-02-12")), (2021, V("2022-02-15")),
        (2022, V("2023-02-15")), (2023, V("2024-02-15")), (2024, V("2025-02-14")),
    ];

    /// <summary>The revised cells of tpm_werkzaam with their values in both vintages, for the given seed.</summary>
    public static IReadOnlyList<SampleRevision> Revisions(int seed = DefaultSeed)
    {
        var latest = Workforce.Stock(Workforce.Techniek, seed);
        return WerkzaamRevision.Select(rev =>
        {
            var value = latest.Single(r => r.Jaar == rev.Jaar && r.Regio == rev.Regio && r.Geslacht == rev.Geslacht).Werkzaam;
            return new SampleRevision("tpm_werkzaam", WerkzaamEarlier, WerkzaamLater, rev.Jaar, rev.Regio, rev.Geslacht, value - rev.Delta, value);
        }).ToList();
    }

    static long DeltaOf(int jaar, string regio, string geslacht)
    {
        foreach (var rev in WerkzaamRevision)
            if (rev.Jaar == jaar && rev.Regio == regio && rev.Geslacht == geslacht) return rev.Delta;
        return 0;
    }

    static IEnumerable<object[]> RoaRows(string periode, long seed) => Forecasts.Prognoses(periode, seed).Select(r => new object[]
    {
        r.Periode, r.Klasse, r.WerkgelegenheidBegin, r.Uitbreidingsvraag, r.Vervangingsvraag, r.Baanopeningen, r.InstroomSchoolverlaters, r.Itkp, r.Typering,
    });

    static GeneratedFile Write(string dataDir, string source, string dataset, Vintage vintage, FileFormat format, IEnumerable<object[]> rows)
    {
        var contract = Contracts.Find(source, dataset) ?? throw new InvalidOperationException($"no contract for {source}_{dataset}");
        var file = new GeneratedFile(contract.Folder, source, dataset, vintage, 0, format);
        using var writer = new SampleCsvWriter(Path.Combine(dataDir, contract.Folder, file.FileName), contract.Columns.Select(c => c.Header).ToArray(), format);
        foreach (var row in rows) writer.Row(row);
        return file with { Rows = writer.Rows };
    }

    /// <summary>A pillar 3/4 extract, whose header the generator declares (see <see cref="PillarHeaders"/>).</summary>
    static GeneratedFile Write(string dataDir, string folder, string source, string dataset, Vintage vintage, IEnumerable<object?[]> rows)
    {
        var header = PillarHeaders[$"{source}_{dataset}"];
        var contract = Contracts.Find(source, dataset);
        if (contract is not null && (contract.Folder != folder || !contract.Columns.Select(c => c.Header).SequenceEqual(header)))
            throw new InvalidOperationException($"the generator's {source}_{dataset} ({folder}/: {string.Join(';', header)}) no longer matches its contract " +
                                                $"({contract.Folder}/: {string.Join(';', contract.Columns.Select(c => c.Header))})");
        var file = new GeneratedFile(folder, source, dataset, vintage, 0, FileFormat.Default);
        using var writer = new SampleCsvWriter(Path.Combine(dataDir, folder, file.FileName), header, FileFormat.Default);
        foreach (var row in rows) writer.Row(row);
        return file with { Rows = writer.Rows };
    }

    /// <summary>The reference tables embedded in the assembly (every file of sample-data/reference/ at build time).</summary>
    public static IReadOnlyList<string> EmbeddedReferenceTables() => typeof(SqlResources).Assembly.GetManifestResourceNames()
        .Select(n => n.Replace('\\', '/'))
        .Where(n => n.StartsWith("reference/", StringComparison.Ordinal) && n.EndsWith(".csv", StringComparison.Ordinal))
        .Select(n => n["reference/".Length..^".csv".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    static void WriteReferenceIfMissing(string dataDir)
    {
        // Whatever reference tables ship (provincies, arbeidsmarktregios, techniekpactregios, beroepen,
        // and bedrijfstakken and doelen once they are added), so no list here goes stale.
        foreach (var name in EmbeddedReferenceTables())
        {
            var target = Path.Combine(dataDir, "reference", name + ".csv");
            if (File.Exists(target)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var source = SqlResources.Open($"reference/{name}.csv");
            using var output = File.Create(target);
            source.CopyTo(output);
        }
    }

    static string SchoolYear(int start) => new Domain.SchoolYear(start).ToString();

    static Vintage V(string text) => Vintage.TryParse(text, out var v) ? v : throw new ArgumentException($"bad vintage '{text}'");
}
