// The UWV vacancy figures per quarter x arbeidsmarktregio x beroepsklasse, built once in memory and
// shared by the aggregate files and the vacancy-level generator, so that the two tell the same story.
using Monitor.Domain;

namespace Monitor.Generation;

public sealed class UwvModel
{
    public static readonly Quarter First = new(2019, 1);
    public static readonly Quarter Last = new(2024, 4);

    /// <summary>2019KW1 .. 2024KW4.</summary>
    public IReadOnlyList<Quarter> Quarters { get; }
    public IReadOnlyList<string> Regions { get; }
    public IReadOnlyList<string> Classes { get; }

    // [quarter, region, class]
    readonly long[,,] openVacancies;
    readonly long[,,] shortWw;

    /// <summary>WW cells delivered as <c>x</c>: small regions, 2019-2020, never an anchored quarter.</summary>
    public static readonly IReadOnlyList<(Quarter Quarter, string Region, string Klasse)> SuppressedWw =
    [
        (new Quarter(2019, 3), "AM35", "05"),
        (new Quarter(2019, 4), "AM34", "09"),
        (new Quarter(2020, 1), "AM10", "02"),
        (new Quarter(2020, 3), "AM35", "13"),
        (new Quarter(2020, 4), "AM33", "06"),
    ];

    // National open vacancies at the end of each quarter, 2019KW1..2024KW4: seasonal, the Covid dip
    // of 2020KW2, the record tightness of 2022, a slow cooling after. 2022KW4 and 2023KW1 are anchors.
    static readonly long[] NationalOpen =
    [
        281_000, 289_000, 291_000, 286_000,
        270_000, 221_000, 237_000, 252_000,
        276_000, 327_000, 372_000, 403_000,
        430_000, 445_000, 441_000, 418_900,
        432_900, 428_000, 415_000, 400_000,
        403_000, 399_000, 392_000, 384_000,
    ];

    // National WW shorter than six months: high in Q1 (contracts ending in December), the Covid peak,
    // the 2022 low. 2022KW4 and 2023KW1 are anchors.
    static readonly long[] NationalWw =
    [
        135_000, 118_000, 121_000, 117_000,
        128_000, 188_000, 166_000, 142_000,
        136_000, 112_000, 99_000, 90_000,
        93_000, 80_500, 84_000, 88_200,
        100_300, 94_000, 98_000, 101_000,
        112_000, 104_000, 108_000, 110_000,
    ];

    // Percent of national open vacancies and of short WW per class 01..13. Technical and ICT
    // occupations have many vacancies for few unemployed: that makes them krap to zeer krap.
    static readonly double[] OpenShare = [4, 2, 14, 10, 3, 4, 19, 8, 2, 14, 11, 7, 2];
    static readonly double[] WwShare = [4, 5, 15.5, 15, 5, 4, 10, 3.5, 3, 9, 13, 9, 4];

    /// <summary>Class totals fixed by published figures: Q2 2022 techniek 86,250 and ICT 35,950 (UWV).</summary>
    public static readonly IReadOnlyDictionary<(Quarter, string), long> PinnedClassOpen = new Dictionary<(Quarter, string), long>
    {
        [(new Quarter(2022, 2), "07")] = 86_250,
        [(new Quarter(2022, 2), "08")] = 35_950,
    };

    UwvModel(IReadOnlyList<Quarter> quarters, IReadOnlyList<string> regions, long[,,] open, long[,,] ww)
    {
        Quarters = quarters;
        Regions = regions;
        Classes = Geography.Beroepsklassen;
        openVacancies = open;
        shortWw = ww;
    }

    public long Open(int quarter, int region, int klasse) => openVacancies[quarter, region, klasse];
    public long Ww(int quarter, int region, int klasse) => shortWw[quarter, region, klasse];

    public bool IsSuppressed(int quarter, int region, int klasse)
    {
        foreach (var s in SuppressedWw)
            if (s.Quarter == Quarters[quarter] && s.Region == Regions[region] && s.Klasse == Classes[klasse]) return true;
        return false;
    }

    public static UwvModel Build(long seed)
    {
        var quarters = new List<Quarter>();
        for (var q = First; q.CompareTo(Last) <= 0; q = q.Number == 4 ? new Quarter(q.Year + 1, 1) : new Quarter(q.Year, q.Number + 1))
            quarters.Add(q);
        var regions = Geography.Arbeidsmarktregios;
        var classes = Geography.Beroepsklassen;
        int nq = quarters.Count, nr = regions.Length, nc = classes.Length;
        var open = new long[nq, nr, nc];
        var ww = new long[nq, nr, nc];

        // A region keeps its character from quarter to quarter (persistent factor per cell); the
        // quarterly noise on top is small, so the series are smooth.
        var persistent = SplitMix64.For(seed, "uwv/persistent");
        var openCell = new double[nr, nc];
        var wwCell = new double[nr, nc];
        for (var r = 0; r < nr; r++)
            for (var c = 0; c < nc; c++)
            {
                openCell[r, c] = regions[r].Size * OpenTilt(regions[r], classes[c]) * persistent.Around1(0.12);
                // Short-term unemployment follows the same occupational geography, less sharply,
                // plus the region's own unemployment level.
                wwCell[r, c] = regions[r].Size * regions[r].Ww * (0.5 + 0.5 * OpenTilt(regions[r], classes[c])) * persistent.Around1(0.15);
            }

        var noise = SplitMix64.For(seed, "uwv/quarterly");
        for (var q = 0; q < nq; q++)
        {
            var quarter = quarters[q];
            var openByClass = ClassTotals(quarter, NationalOpen[q], OpenShare, OpenCovid, noise, 0.02, pin: true);
            var wwByClass = ClassTotals(quarter, NationalWw[q], WwShare, WwCovid, noise, 0.03, pin: false);
            for (var c = 0; c < nc; c++)
            {
                var ow = new double[nr];
                var ww2 = new double[nr];
                for (var r = 0; r < nr; r++)
                {
                    ow[r] = openCell[r, c] * noise.Around1(0.03);
                    ww2[r] = wwCell[r, c] * noise.Around1(0.05);
                }
                var o = Apportion.LargestRemainder(openByClass[c], ow);
                var w = Apportion.LargestRemainder(wwByClass[c], ww2);
                for (var r = 0; r < nr; r++)
                {
                    open[q, r, c] = o[r];
                    ww[q, r, c] = w[r];
                }
            }
        }
        return new UwvModel(quarters, regions.Select(r => r.Code).ToArray(), open, ww);
    }

    static double OpenTilt(Geography.LabourMarketRegion region, string klasse) => klasse switch
    {
        "07" => region.Techniek,
        "08" => region.Ict,
        "09" => region.Agrarisch,
        // Office work (creative, administrative, managers, public administration) follows the cities.
        "02" or "04" or "05" or "06" => 0.5 + 0.5 * region.Ict,
        "12" => 0.5 + 0.5 * region.Techniek,
        _ => 1.0,
    };

    // Covid hit hospitality and culture (11, 02) and raised demand in care (10).
    static double OpenCovid(Quarter q, string klasse)
    {
        var covid = q.Year == 2020 && q.Number >= 2 || q.Year == 2021 && q.Number == 1;
        return (covid, klasse) switch
        {
            (true, "11") => 0.70,
            (true, "02") => 0.80,
            (true, "10") => 1.15,
            (false, "11") when q.Year >= 2021 => 1.08,
            _ => 1.0,
        };
    }

    static double WwCovid(Quarter q, string klasse)
    {
        var covid = q.Year == 2020 && q.Number >= 2 || q.Year == 2021 && q.Number == 1;
        return (covid, klasse) switch
        {
            (true, "11") => 1.50,
            (true, "02") => 1.30,
            (true, "03") => 1.15,
            _ => 1.0,
        };
    }

    static long[] ClassTotals(Quarter quarter, long total, double[] share, Func<Quarter, string, double> tilt, SplitMix64 noise, double spread, bool pin)
    {
        var classes = Geography.Beroepsklassen;
        var weights = new double[classes.Length];
        for (var c = 0; c < classes.Length; c++)
            weights[c] = share[c] * tilt(quarter, classes[c]) * noise.Around1(spread);
        if (!pin) return Apportion.LargestRemainder(total, weights);

        var result = new long[classes.Length];
        var free = new List<int>();
        var rest = total;
        for (var c = 0; c < classes.Length; c++)
        {
            if (PinnedClassOpen.TryGetValue((quarter, classes[c]), out var fixedValue)) { result[c] = fixedValue; rest -= fixedValue; }
            else free.Add(c);
        }
        var parts = Apportion.LargestRemainder(rest, free.Select(c => weights[c]).ToArray());
        for (var i = 0; i < free.Count; i++) result[free[i]] = parts[i];
        return result;
    }
}
