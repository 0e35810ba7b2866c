// CBS labour productivity per industry (pillar 3): yearly volume changes of value added, of hours
// worked and of value added per hour, for the whole economy and the SBI 2008 sections A-S.
// Values are kept in tenths of a percent (integers), so that rounding is exact and the identity
// Productiviteit = (1 + TW) / (1 + AV) - 1 holds in the file after rounding to one decimal.
namespace Monitor.Generation;

/// <summary>A percentage with one decimal, held as an integer number of tenths (-22 is -2,2 %).</summary>
public readonly record struct Tenths(int Value)
{
    public double Percent => Value / 10.0;

    /// <summary>Rounds a percentage to tenths, halves away from zero.</summary>
    public static Tenths Round(double percent) => new((int)Math.Round(percent * 10.0, MidpointRounding.AwayFromZero));

    /// <summary>The contract's decimal comma: <c>-2,2</c>, <c>0,0</c> (never <c>-0,0</c>).</summary>
    public override string ToString()
    {
        var abs = Math.Abs(Value);
        return $"{(Value < 0 ? "-" : "")}{abs / 10},{abs % 10}";
    }
}

static class Productivity
{
    public const int FirstYear = 2013;
    public const int LastYear = 2024;

    /// <summary>Bedrijfstak codes in file order: the whole economy first, then the SBI 2008 sections.</summary>
    public static readonly string[] Bedrijfstakken =
        ["totaal", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S"];

    internal sealed record Row(int Jaar, string Bedrijfstak, Tenths Productiviteit, Tenths ToegevoegdeWaarde, Tenths Arbeidsvolume, string Status);

    /// <summary>
    /// The whole economy in the latest vintage, 2013-2024, in tenths: value added and hours worked.
    /// Shaped on the national accounts (a productivity dip in 2020, the rebound of 2021, a fall in
    /// 2023) but synthetic. Productivity follows: 0,9 1,4 1,0 0,8 0,7 0,1 0,4 -2,2 3,8 1,5 -1,1 -0,1.
    /// </summary>
    static readonly (int Tw, int Av)[] Totaal =
    [
        (-2, -11), (15, 1), (20, 10), (22, 14), (28, 21), (23, 22),
        (20, 16), (-41, -19), (63, 24), (51, 35), (4, 15), (11, 12),
    ];

    /// <summary>The whole economy's 2022 and 2023 as the earlier vintage had them (revised upwards later).</summary>
    public static readonly (int Jaar, int Tw, int Av)[] TotaalEarlier = [(2022, 50, 36), (2023, 1, 15)];

    /// <summary>
    /// Per section: trend productivity growth and hours growth (% a year), the noise of productivity,
    /// the extra Covid shock (0 = none; horeca and culture were hit hardest) and how strongly the
    /// section follows the business cycle.
    /// </summary>
    static readonly (string Code, double Pm, double Av, double Noise, double Covid, double Cycle)[] Sections =
    [
        ("A", 1.5, -0.5, 2.5, 0.0, 0.5),    // landbouw: weather-driven
        ("B", -6.0, -2.0, 4.0, 0.0, 0.3),   // delfstoffen: gas extraction wound down
        ("C", 1.8, 0.5, 1.2, 0.0, 1.2),     // industrie
        ("D", 1.0, 1.0, 3.0, 0.0, 0.5),     // energievoorziening
        ("E", 0.5, 1.0, 1.5, 0.0, 0.5),
        ("F", 0.0, 1.5, 1.2, 0.0, 0.8),     // bouwnijverheid: hardly any productivity growth
        ("G", 1.8, 1.2, 1.0, 0.2, 1.0),
        ("H", 0.6, 1.0, 1.2, 1.0, 1.0),
        ("I", -0.3, 2.0, 1.5, 3.0, 1.0),    // horeca
        ("J", 3.2, 2.8, 1.2, 0.0, 0.6),     // informatie en communicatie: the highest growth
        ("K", 1.5, -0.5, 1.5, 0.0, 0.5),
        ("L", 0.3, 1.0, 2.0, 0.0, 0.4),
        ("M", 0.8, 2.0, 1.2, 0.3, 1.0),
        ("N", 0.6, 2.2, 1.5, 0.8, 1.2),
        ("O", 0.3, 0.8, 0.8, 0.0, 0.2),
        ("P", 0.0, 1.0, 0.8, 0.6, 0.2),
        ("Q", -0.2, 2.2, 0.8, 0.6, 0.2),
        ("R", 0.0, 1.0, 2.0, 2.5, 0.6),
        ("S", 0.0, 0.5, 1.5, 2.0, 0.6),
    ];

    /// <summary>The business cycle 2013-2024 as deviations from trend: productivity and hours (percentage points).</summary>
    static readonly double[] CyclePm = [0.1, 0.6, 0.2, 0.0, -0.1, -0.7, -0.4, -3.0, 3.0, 0.7, -1.9, -0.9];
    static readonly double[] CycleAv = [-2.2, -1.0, -0.1, 0.3, 1.0, 1.1, 0.5, -3.0, 1.3, 2.4, 0.4, 0.1];

    /// <summary>Extra Covid shock per unit of a section's Covid factor, 2020-2022: productivity, hours.</summary>
    static (double Pm, double Av) CovidShock(int year) => year switch
    {
        2020 => (-3.0, -5.0),
        2021 => (2.5, 1.0),
        2022 => (1.5, 3.0),
        _ => (0.0, 0.0),
    };

    /// <summary>Productivity from value added and hours, rounded to one decimal: 100 · ((1 + TW) / (1 + AV) − 1).</summary>
    public static Tenths Identity(Tenths tw, Tenths av) => Tenths.Round(100.0 * ((1.0 + tw.Percent / 100.0) / (1.0 + av.Percent / 100.0) - 1.0));

    /// <summary>CBS status of a year in a release whose latest year is <paramref name="lastYear"/>.</summary>
    public static string Status(int year, int lastYear) => year == lastYear ? "voorlopig" : year == lastYear - 1 ? "nader_voorlopig" : "definitief";

    /// <summary>Latest figures for every year and bedrijfstak: value added and hours in tenths.</summary>
    static Dictionary<(int Jaar, string Code), (int Tw, int Av)> Latest(long seed)
    {
        var rng = SplitMix64.For(seed, "cbs/arbeidsproductiviteit");
        var result = new Dictionary<(int, string), (int, int)>();
        for (var y = FirstYear; y <= LastYear; y++)
            result[(y, "totaal")] = Totaal[y - FirstYear];
        foreach (var s in Sections)
            for (var y = FirstYear; y <= LastYear; y++)
            {
                var (covidPm, covidAv) = CovidShock(y);
                var pm = s.Pm + s.Cycle * CyclePm[y - FirstYear] + s.Covid * covidPm + s.Noise * rng.Bell();
                var av = s.Av + s.Cycle * CycleAv[y - FirstYear] + s.Covid * covidAv + 0.6 * rng.Bell();
                var tw = 100.0 * ((1.0 + pm / 100.0) * (1.0 + av / 100.0) - 1.0);
                result[(y, s.Code)] = (Tenths.Round(tw).Value, Tenths.Round(av).Value);
            }
        return result;
    }

    /// <summary>
    /// The release covering <see cref="FirstYear"/> up to <paramref name="lastYear"/>. A release whose
    /// last year is before <see cref="LastYear"/> has the provisional figures of its last two years
    /// as they were before CBS revised them: the whole economy per <see cref="TotaalEarlier"/>, the
    /// sections by a small seeded change of value added (both years) and of hours (the last year).
    /// </summary>
    public static List<Row> Release(int lastYear, long seed)
    {
        if (lastYear is < FirstYear + 2 or > LastYear) throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear, "no such release");
        var values = Latest(seed);
        if (lastYear < LastYear)
        {
            var rng = SplitMix64.For(seed, $"cbs/arbeidsproductiviteit/{lastYear}");
            foreach (var code in Bedrijfstakken)
                for (var y = lastYear - 1; y <= lastYear; y++)
                {
                    var (tw, av) = values[(y, code)];
                    if (code == "totaal")
                    {
                        var earlier = TotaalEarlier.SingleOrDefault(e => e.Jaar == y);
                        if (earlier.Jaar == y) values[(y, code)] = (earlier.Tw, earlier.Av);
                        continue;
                    }
                    var twDelta = y == lastYear ? rng.NextInt(7) - 3 : rng.NextInt(3) - 1;
                    var avDelta = y == lastYear ? rng.NextInt(3) - 1 : 0;
                    values[(y, code)] = (tw + twDelta, av + avDelta);
                }
        }
        var rows = new List<Row>();
        for (var y = FirstYear; y <= lastYear; y++)
            foreach (var code in Bedrijfstakken)
            {
                var (tw, av) = values[(y, code)];
                var twT = new Tenths(tw);
                var avT = new Tenths(av);
                rows.Add(new Row(y, code, Identity(twT, avT), twT, avT, Status(y, lastYear)));
            }
        return rows;
    }
}
