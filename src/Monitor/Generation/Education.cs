// Education figures: beta-technical education per Techniekpact region (tpm_onderwijs) and ICT
// programmes per province (predict_onderwijs). Entrants drive enrolment and, after the length of
// the programme, graduates, so the three phases move together.
namespace Monitor.Generation;

static class Education
{
    public const int FirstYear = 2013;   // school year 2013/2014
    public const int LastYear = 2024;    // school year 2024/2025
    public static readonly string[] Fasen = ["instroom", "ingeschreven", "gediplomeerd"];

    /// <summary>
    /// One programme group: entrants 2013 -> 2024 (linear, plus noise and the Covid bump of higher
    /// education), enrolled = entrants x <paramref name="Enrolled"/>, graduates = entrants of
    /// <paramref name="Lag"/> years earlier x <paramref name="Graduation"/>.
    /// </summary>
    internal sealed record Programme(string Soort, double EntrantsFirst, double EntrantsLast, double Enrolled, double Graduation, int Lag, bool Higher);

    /// <summary>Beta-technical share (bt) and women's share in bt and in the rest, 2013 -> 2024.</summary>
    internal sealed record TpmShares(double BtFirst, double BtLast, double WomenBtFirst, double WomenBtLast, double WomenOther);

    static readonly (Programme P, TpmShares S)[] TpmProgrammes =
    [
        // vmbo: entrants are pupils entering the upper years (profile choice); technical profiles.
        (new("vmbo", 105_000, 96_000, 2.0, 0.96, 1, false), new(0.250, 0.272, 0.130, 0.160, 0.560)),
        // havo/vwo: entrants into the upper years; bt = an NT or NG profile.
        (new("havo", 52_000, 54_500, 2.0, 0.88, 1, false), new(0.450, 0.500, 0.400, 0.450, 0.600)),
        (new("vwo", 38_000, 40_500, 3.0, 0.91, 2, false), new(0.620, 0.660, 0.470, 0.510, 0.620)),
        (new("mbo", 196_000, 184_000, 2.6, 0.72, 2, false), new(0.280, 0.302, 0.120, 0.150, 0.580)),
        (new("hbo", 108_000, 124_000, 4.0, 0.66, 4, true), new(0.240, 0.272, 0.240, 0.290, 0.580)),
        (new("wo", 52_000, 68_000, 4.6, 0.85, 3, true), new(0.330, 0.362, 0.330, 0.400, 0.570)),
    ];

    /// <summary>ICT programmes (pr-eDICT): core ICT and hybrid, with the women's share 2013 -> 2024.</summary>
    static readonly (Programme P, string Type, double WomenFirst, double WomenLast)[] PredictProgrammes =
    [
        (new("mbo", 10_500, 14_500, 2.6, 0.70, 2, false), "ict", 0.070, 0.100),
        (new("mbo", 3_000, 4_500, 2.4, 0.72, 2, false), "hybride", 0.300, 0.340),
        (new("hbo", 9_500, 16_000, 3.9, 0.62, 4, true), "ict", 0.120, 0.170),
        (new("hbo", 5_000, 7_000, 3.9, 0.68, 4, true), "hybride", 0.310, 0.360),
        (new("wo", 2_800, 6_500, 3.6, 0.80, 3, true), "ict", 0.170, 0.240),
        (new("wo", 2_000, 3_500, 3.6, 0.82, 3, true), "hybride", 0.300, 0.370),
    ];

    static double Lerp(double first, double last, int year) => first + (last - first) * (year - FirstYear) / (LastYear - FirstYear);

    /// <summary>National totals per school year and phase for one programme group, from 2013 - Lag on for the graduates.</summary>
    static Dictionary<(int Year, string Fase), long> Phases(Programme p, SplitMix64 rng)
    {
        var entrants = new Dictionary<int, double>();
        for (var y = FirstYear - p.Lag; y <= LastYear; y++)
        {
            var covid = p.Higher ? y switch { 2020 => 1.08, 2021 => 1.04, _ => 1.0 } : 1.0;
            entrants[y] = Lerp(p.EntrantsFirst, p.EntrantsLast, y) * covid * rng.Around1(0.015);
        }
        var result = new Dictionary<(int, string), long>();
        for (var y = FirstYear; y <= LastYear; y++)
        {
            result[(y, "instroom")] = (long)Math.Round(entrants[y]);
            result[(y, "ingeschreven")] = (long)Math.Round(entrants[y] * p.Enrolled * rng.Around1(0.01));
            result[(y, "gediplomeerd")] = (long)Math.Round(entrants[y - p.Lag] * p.Graduation * rng.Around1(0.015));
        }
        return result;
    }

    /// <summary>Rows (Studiejaar start, Onderwijssoort, Fase, Richting, Regio, Geslacht, Aantal): TP1-TP5, then NL = their sum.</summary>
    public static List<(int Jaar, string Soort, string Fase, string Richting, string Regio, string Geslacht, long Aantal)> Tpm(long seed)
    {
        var rng = SplitMix64.For(seed, "tpm/onderwijs");
        var regions = Geography.TechniekpactRegions;
        var rows = new List<(int, string, string, string, string, string, long)>();
        var national = TpmProgrammes.Select(x => Phases(x.P, rng)).ToArray();
        var population = Geography.TechniekpactPopulation();
        var wo = Geography.TechniekpactWeights(Geography.ProvinceWo);

        for (var year = FirstYear; year <= LastYear; year++)
            for (var k = 0; k < TpmProgrammes.Length; k++)
            {
                var (p, s) = TpmProgrammes[k];
                var baseWeights = p.Soort == "wo" ? wo : population;
                foreach (var fase in Fasen)
                {
                    var (bt, overig) = Apportion.Split(national[k][(year, fase)], Lerp(s.BtFirst, s.BtLast, year) * rng.Around1(0.01));
                    foreach (var (richting, total, women) in new[] { ("betatechniek", bt, Lerp(s.WomenBtFirst, s.WomenBtLast, year)), ("overig", overig, s.WomenOther) })
                    {
                        var (vrouw, man) = Apportion.Split(total, women * rng.Around1(0.01));
                        foreach (var (geslacht, count) in new[] { ("man", man), ("vrouw", vrouw) })
                        {
                            var split = Apportion.LargestRemainder(count, baseWeights.Select(w => w * rng.Around1(0.04)).ToArray());
                            for (var r = 0; r < regions.Length; r++)
                                rows.Add((year, p.Soort, fase, richting, regions[r], geslacht, split[r]));
                            rows.Add((year, p.Soort, fase, richting, "NL", geslacht, split.Sum()));
                        }
                    }
                }
            }
        return rows;
    }

    /// <summary>Rows (Studiejaar start, Onderwijssoort, Fase, Type, Regio, Geslacht, Aantal) per province.</summary>
    public static List<(int Jaar, string Soort, string Fase, string Type, string Regio, string Geslacht, long Aantal)> Predict(long seed)
    {
        var rng = SplitMix64.For(seed, "predict/onderwijs");
        var provinces = Geography.Provinces;
        var rows = new List<(int, string, string, string, string, string, long)>();
        var national = PredictProgrammes.Select(x => Phases(x.P, rng)).ToArray();
        // Soorten in the order of the contract, types within.
        var order = Enumerable.Range(0, PredictProgrammes.Length).ToArray();
        for (var year = FirstYear; year <= LastYear; year++)
            foreach (var k in order)
            {
                var (p, type, womenFirst, womenLast) = PredictProgrammes[k];
                var baseWeights = p.Soort == "wo" ? Geography.ProvinceWo : Geography.ProvincePopulation;
                foreach (var fase in Fasen)
                {
                    var (vrouw, man) = Apportion.Split(national[k][(year, fase)], Lerp(womenFirst, womenLast, year) * rng.Around1(0.02));
                    foreach (var (geslacht, count) in new[] { ("man", man), ("vrouw", vrouw) })
                    {
                        var split = Apportion.LargestRemainder(count, baseWeights.Select(w => w * rng.Around1(0.05)).ToArray());
                        for (var r = 0; r < provinces.Length; r++)
                            rows.Add((year, p.Soort, fase, type, provinces[r], geslacht, split[r]));
                    }
                }
            }
        return rows;
    }

    /// <summary>Hybrid teachers per year: the target of 1,000 is not reached by 2024.</summary>
    static readonly long[] HybridTotals = [110, 135, 165, 200, 245, 300, 360, 390, 470, 560, 660, 770];

    public static List<(int Jaar, string Soort, long Aantal)> Docenten(long seed)
    {
        var rng = SplitMix64.For(seed, "tpm/docenten");
        string[] soorten = ["vmbo", "mbo", "hbo"];
        double[] share = [0.20, 0.55, 0.25];
        var rows = new List<(int, string, long)>();
        for (var i = 0; i < HybridTotals.Length; i++)
        {
            var split = Apportion.LargestRemainder(HybridTotals[i], share.Select(s => s * rng.Around1(0.06)).ToArray());
            for (var k = 0; k < soorten.Length; k++)
                rows.Add((FirstYear + i, soorten[k], split[k]));
        }
        return rows;
    }
}
