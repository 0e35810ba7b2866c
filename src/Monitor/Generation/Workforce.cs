// Workforce stock (werkzaam) and flows (stromen) per province and sex, for the broad technical
// definition (Techniekpactmonitor) and for ICT professionals (pr-eDICT).
namespace Monitor.Generation;

sealed record WorkforceProfile(
    string Name,
    IReadOnlyDictionary<int, long> Stock,          // national stock per year, exact
    double[] ProvinceShare,                        // percent per province
    double[] ProvinceDrift,                        // yearly relative drift of the share
    double WomenFirst, double WomenLast,           // women's share 2013 -> 2024
    IReadOnlyDictionary<int, (long In, long Out)> Flows,
    double[] InShareFirst, double[] InShareLast,   // onderwijs, zij_instroom, buitenland, uitkering, overig
    double[] OutShare,                             // ander_werk, pensioen, uitkering, buitenland, overig
    IReadOnlyDictionary<int, long[]> PinnedIn,     // exact national category totals for some years
    IReadOnlyDictionary<int, long[]> PinnedOut);

static class Workforce
{
    public const int FirstYear = 2013;
    public const int LastYear = 2024;
    public static readonly string[] InCategories = ["onderwijs", "zij_instroom", "buitenland", "uitkering", "overig"];
    public static readonly string[] OutCategories = ["ander_werk", "pensioen", "uitkering", "buitenland", "overig"];

    static Dictionary<int, T> ByYear<T>(params T[] values) =>
        values.Select((v, i) => (Year: FirstYear + i, v)).ToDictionary(x => x.Year, x => x.v);

    /// <summary>pr-eDICT ICT professionals: 603,000 (2021), 673,000 (2022, +70,000), 670,000 (2023). Flows 2022: in 110,000, out 45,000.</summary>
    public static readonly WorkforceProfile Ict = new(
        "predict",
        ByYear(500_000L, 512_000L, 526_000L, 541_000L, 557_000L, 574_000L, 590_000L, 594_000L, 603_000L, 673_000L, 670_000L, 681_000L),
        Geography.ProvinceIct, Geography.ProvinceIctDrift,
        0.155, 0.192,
        ByYear((55_000L, 41_000L), (56_500L, 42_500L), (59_000L, 44_000L), (61_000L, 45_500L), (63_500L, 47_000L), (66_500L, 48_500L),
               (67_000L, 50_000L), (55_000L, 49_500L), (61_000L, 51_500L), (110_000L, 45_000L), (71_000L, 74_000L), (76_000L, 64_000L)),
        // pr-eDICT knows four sources of inflow; 'overig' stays empty (zero).
        [0.25, 0.35, 0.13, 0.27, 0.0], [0.21, 0.37, 0.23, 0.19, 0.0],
        [0.40, 0.27, 0.14, 0.12, 0.07],
        new Dictionary<int, long[]> { [2022] = [24_200, 39_600, 24_200, 22_000, 0] },
        new Dictionary<int, long[]> { [2022] = [18_000, 12_500, 6_000, 5_500, 3_000] });

    /// <summary>Techniekpactmonitor broad technical workforce (ICT included): 1,850,000 at the end of 2022.</summary>
    public static readonly WorkforceProfile Techniek = new(
        "tpm",
        ByYear(1_640_000L, 1_652_000L, 1_668_000L, 1_689_000L, 1_712_000L, 1_741_000L, 1_768_000L, 1_771_000L, 1_796_000L, 1_850_000L, 1_872_000L, 1_889_000L),
        Geography.ProvinceTechniek, new double[12],
        0.138, 0.168,
        ByYear((168_000L, 156_000L), (170_000L, 158_000L), (176_000L, 160_000L), (183_000L, 162_000L), (189_000L, 165_000L), (197_000L, 168_000L),
               (199_000L, 172_000L), (171_000L, 168_000L), (198_000L, 173_000L), (232_000L, 178_000L), (205_000L, 183_000L), (201_000L, 184_000L)),
        [0.31, 0.29, 0.14, 0.16, 0.10], [0.30, 0.30, 0.18, 0.13, 0.09],
        [0.37, 0.29, 0.14, 0.10, 0.10],
        new Dictionary<int, long[]>(), new Dictionary<int, long[]>());

    static double Lerp(double first, double last, int year) => first + (last - first) * (year - FirstYear) / (LastYear - FirstYear);

    /// <summary>Rows (Jaar, Regio, Geslacht, Werkzaam) for every year and province; the provinces sum to the national stock exactly.</summary>
    public static List<(int Jaar, string Regio, string Geslacht, long Werkzaam)> Stock(WorkforceProfile p, long seed)
    {
        var rng = SplitMix64.For(seed, p.Name + "/werkzaam");
        var provinces = Geography.Provinces;
        // A province keeps its own women's share (about +-10% around the national one).
        var womenTilt = provinces.Select(_ => rng.Around1(0.10)).ToArray();
        var rows = new List<(int, string, string, long)>();
        for (var year = FirstYear; year <= LastYear; year++)
        {
            var weights = new double[provinces.Length];
            for (var i = 0; i < provinces.Length; i++)
                weights[i] = p.ProvinceShare[i] * (1 + p.ProvinceDrift[i] * (year - FirstYear)) * rng.Around1(0.004);
            var perProvince = Apportion.LargestRemainder(p.Stock[year], weights);
            var women = Lerp(p.WomenFirst, p.WomenLast, year);
            for (var i = 0; i < provinces.Length; i++)
            {
                var (vrouw, man) = Apportion.Split(perProvince[i], women * womenTilt[i] * rng.Around1(0.01));
                rows.Add((year, provinces[i], "man", man));
                rows.Add((year, provinces[i], "vrouw", vrouw));
            }
        }
        return rows;
    }

    /// <summary>Rows (Jaar, Stroom, Categorie, Regio, Aantal); per category the provinces sum to the national figure exactly.</summary>
    public static List<(int Jaar, string Stroom, string Categorie, string Regio, long Aantal)> Flows(WorkforceProfile p, long seed)
    {
        var rng = SplitMix64.For(seed, p.Name + "/stromen");
        var provinces = Geography.Provinces;
        var rows = new List<(int, string, string, string, long)>();
        for (var year = FirstYear; year <= LastYear; year++)
        {
            var (total_in, total_out) = p.Flows[year];
            var inShares = p.InShareFirst.Select((f, i) => Lerp(f, p.InShareLast[i], year) * rng.Around1(0.04)).ToArray();
            var outShares = p.OutShare.Select(s => s * rng.Around1(0.05)).ToArray();
            var national_in = p.PinnedIn.TryGetValue(year, out var pi) ? pi : Apportion.LargestRemainder(total_in, inShares);
            var national_out = p.PinnedOut.TryGetValue(year, out var po) ? po : Apportion.LargestRemainder(total_out, outShares);
            if (national_in.Sum() != total_in || national_out.Sum() != total_out)
                throw new InvalidOperationException($"{p.Name} {year}: pinned flow categories do not add up to the flow totals");
            Add("instroom", InCategories, national_in);
            Add("uitstroom", OutCategories, national_out);

            void Add(string stroom, string[] categories, long[] national)
            {
                for (var c = 0; c < categories.Length; c++)
                {
                    var weights = p.ProvinceShare.Select((s, i) => s * (1 + p.ProvinceDrift[i] * (year - FirstYear)) * rng.Around1(0.05)).ToArray();
                    var split = Apportion.LargestRemainder(national[c], weights);
                    for (var i = 0; i < provinces.Length; i++)
                        rows.Add((year, stroom, categories[c], provinces[i], split[i]));
                }
            }
        }
        return rows;
    }
}
