// ROA forecasts per occupation class for two forecast rounds.
namespace Monitor.Generation;

static class Forecasts
{
    internal sealed record Row(string Periode, string Klasse, long WerkgelegenheidBegin, long Uitbreidingsvraag, long Vervangingsvraag,
        long Baanopeningen, long InstroomSchoolverlaters, double Itkp, string Typering);

    // Per class 01..13: employment at the start, expansion demand (negative where the occupation
    // shrinks), replacement demand, school-leaver inflow; all over the six-year period.
    static readonly (long Begin, long Uitbreiding, long Vervanging, long Schoolverlaters)[] Round2021 =
    [
        (520_000, 14_000, 78_000, 70_000),
        (215_000, 4_000, 30_000, 42_000),
        (1_040_000, -12_000, 150_000, 165_000),
        (1_380_000, -45_000, 205_000, 215_000),
        (420_000, 9_000, 68_000, 72_000),
        (330_000, 6_000, 52_000, 50_000),
        (1_150_000, 19_400, 191_500, 149_000),   // techniek: 210,900 job openings (anchor)
        (430_000, 22_100, 36_200, 37_000),       // ICT: 58,300 job openings (anchor)
        (200_000, -8_000, 34_000, 30_000),
        (1_320_000, 68_000, 185_000, 190_000),
        (800_000, 12_000, 120_000, 150_000),
        (560_000, -3_000, 92_000, 70_000),
        (90_000, -2_000, 16_000, 19_000),
    ];

    static readonly (long Begin, long Uitbreiding, long Vervanging, long Schoolverlaters)[] Round2023 =
    [
        (535_000, 11_000, 82_000, 68_000),
        (222_000, 2_500, 31_500, 43_000),
        (1_030_000, -16_000, 154_000, 162_000),
        (1_350_000, -52_000, 210_000, 212_000),
        (432_000, 8_000, 71_000, 70_000),
        (338_000, 7_500, 55_000, 49_000),
        (1_190_000, 24_000, 216_000, 152_000),
        (470_000, 26_500, 40_000, 40_000),
        (195_000, -9_500, 33_000, 28_500),
        (1_365_000, 72_000, 196_000, 188_000),
        (812_000, 9_000, 124_000, 148_000),
        (566_000, 1_500, 95_000, 69_000),
        (88_000, -2_500, 15_500, 18_500),
    ];

    /// <summary>
    /// The sample's ITKP is job openings per expected school leaver; the typering follows from it:
    /// below 0.85 geen, below 1.10 enige, below 1.40 groot, else zeer groot.
    /// </summary>
    public static string Typering(double itkp) => itkp switch
    {
        < 0.85 => "geen",
        < 1.10 => "enige",
        < 1.40 => "groot",
        _ => "zeer groot",
    };

    public static List<Row> Prognoses(string periode, long seed)
    {
        var table = periode switch
        {
            "2021-2026" => Round2021,
            "2023-2028" => Round2023,
            _ => throw new ArgumentOutOfRangeException(nameof(periode), periode, "no forecast round for this period"),
        };
        var rng = SplitMix64.For(seed, "roa/" + periode);
        var rows = new List<Row>();
        for (var c = 0; c < table.Length; c++)
        {
            var klasse = Geography.Beroepsklassen[c];
            var (begin, uitbreiding, vervanging, schoolverlaters) = table[c];
            // The 2021-2026 job openings of techniek and ICT are published figures: no noise there.
            var anchored = periode == "2021-2026" && klasse is "07" or "08";
            if (!anchored)
            {
                uitbreiding = (long)Math.Round(uitbreiding * rng.Around1(0.05));
                vervanging = (long)Math.Round(vervanging * rng.Around1(0.03));
            }
            begin = (long)Math.Round(begin * rng.Around1(0.02));
            schoolverlaters = (long)Math.Round(schoolverlaters * rng.Around1(0.03));
            var openings = Math.Max(uitbreiding, 0) + vervanging;
            var itkp = Math.Round((double)openings / schoolverlaters, 2, MidpointRounding.AwayFromZero);
            rows.Add(new Row(periode, klasse, begin, uitbreiding, vervanging, openings, schoolverlaters, itkp, Typering(itkp)));
        }
        return rows;
    }
}
