// Vacancy-level UWV records (uwv_vacatures_detail), streamed to disk. Built so that the number of
// positions open at each quarter end, per region and class, is exactly scale x the aggregate
// sample figure (UwvModel) - see docs/sample-data.md for the construction.
using System.Buffers.Text;
using System.Globalization;
using Monitor.Domain;
using Monitor.Sources;

namespace Monitor.Generation;

/// <summary>What <see cref="UwvDetailGenerator.Generate"/> wrote.</summary>
/// <param name="OpenVacancyRows">Rows that are open at one or more quarter ends; the rest arise and are filled within one quarter.</param>
/// <param name="Scale">Open positions at each quarter end per region and class = round(Scale x the aggregate figure).</param>
public sealed record UwvDetailResult(string Path, long Rows, long OpenVacancyRows, double Scale, long Bytes);

public static class UwvDetailGenerator
{
    public static readonly Vintage DefaultVintage = new(new DateOnly(2025, 2, 14));

    /// <summary>The contract's file name for a vintage: <c>uwv_vacatures_detail_YYYY-MM-DD.csv</c>.</summary>
    public static string FileName(Vintage vintage) => $"uwv_vacatures_detail_{vintage}.csv";

    // Positions per vacancy: mostly one. Quarter ends a vacancy stays open for: mostly one.
    static readonly (int Value, double Cumulative)[] Positions = [(1, 0.85), (2, 0.94), (3, 0.97), (4, 0.99), (5, 1.0)];
    static readonly (int Value, double Cumulative)[] Spans = [(1, 0.55), (2, 0.82), (3, 0.94), (4, 1.0)];

    /// <summary>
    /// Writes <paramref name="rows"/> data rows (plus the header) to <paramref name="path"/>.
    /// With <paramref name="scale"/> 1 the open-at-quarter-end positions equal the aggregate sample
    /// data of <paramref name="aggregateSeed"/>; if <paramref name="rows"/> is too small to hold them,
    /// the scale is lowered until they fit (the result says which scale was used). Rows beyond
    /// those needed are vacancies that arise and are filled within one quarter.
    /// </summary>
    public static UwvDetailResult Generate(string path, long rows, int seed = SampleDataGenerator.DefaultSeed,
        int aggregateSeed = SampleDataGenerator.DefaultSeed, double scale = 1.0, Action<long, long>? progress = null)
    {
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows), rows, "the number of rows must not be negative");
        if (!(scale >= 0) || double.IsInfinity(scale)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be a non-negative number");

        var model = UwvModel.Build(aggregateSeed);
        var plan = new Plan(model, seed);

        // Shrink the scale until the open vacancies fit into the rows asked for; a few rounds suffice
        // because the count is nearly proportional to the scale.
        var openRows = plan.CountOpenRows(scale);
        for (var round = 0; openRows > rows && round < 60; round++)
        {
            scale *= Math.Min(0.98, 0.98 * rows / openRows);
            openRows = plan.CountOpenRows(scale);
        }
        if (openRows > rows) { scale = 0; openRows = 0; }

        var fillers = plan.FillerCounts(rows - openRows);
        var header = Contracts.Find("uwv", "vacatures_detail")!.Columns.Select(c => c.Header);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        using var output = new DetailWriter(path, string.Join(';', header));
        plan.Write(scale, fillers, output, rows, progress);
        output.Flush();
        if (output.Rows != rows) throw new InvalidOperationException($"wrote {output.Rows} rows instead of {rows}: generator bug");
        return new UwvDetailResult(path, output.Rows, openRows, scale, output.Bytes);
    }

    /// <summary>The per-cell random streams and quarter calendar shared by the counting and the writing pass.</summary>
    sealed class Plan(UwvModel model, int seed)
    {
        readonly int nq = model.Quarters.Count;
        readonly int nr = model.Regions.Count;
        readonly int nc = model.Classes.Count;
        readonly DateOnly firstDay = model.Quarters[0].EndDate.AddMonths(-3).AddDays(1);

        int Cells => nr * nc;
        int QuarterStart(int q) => q == 0 ? 0 : QuarterEnd(q - 1) + 1;
        int QuarterEnd(int q) => model.Quarters[q].EndDate.DayNumber - firstDay.DayNumber;

        long Target(double scale, int q, int cell) => (long)Math.Round(scale * model.Open(q, cell / nc, cell % nc), MidpointRounding.AwayFromZero);

        public long CountOpenRows(double scale)
        {
            long count = 0;
            var carry = new long[nq];
            for (var cell = 0; cell < Cells; cell++)
            {
                Array.Clear(carry);
                var rng = SplitMix64.For(seed, $"detail/open/{cell}");
                for (var q = 0; q < nq; q++)
                    count += OpenVacancies(scale, cell, q, rng, carry, null);
            }
            return count;
        }

        /// <summary>Short vacancies (arise and filled within a quarter) per quarter x cell; flows follow the stock.</summary>
        public long[] FillerCounts(long total)
        {
            var weights = new double[nq * Cells];
            for (var q = 0; q < nq; q++)
                for (var cell = 0; cell < Cells; cell++)
                    weights[q * Cells + cell] = model.Open(q, cell / nc, cell % nc) + 0.5;
            return Apportion.LargestRemainder(total, weights);
        }

        public void Write(double scale, long[] fillers, DetailWriter output, long total, Action<long, long>? progress)
        {
            var openRng = new SplitMix64[Cells];
            var fillerRng = new SplitMix64[Cells];
            var carry = new long[Cells][];
            for (var cell = 0; cell < Cells; cell++)
            {
                openRng[cell] = SplitMix64.For(seed, $"detail/open/{cell}");
                fillerRng[cell] = SplitMix64.For(seed, $"detail/filler/{cell}");
                carry[cell] = new long[nq];
            }
            const long every = 1_000_000;
            var next = every;
            long reported = -1;
            for (var q = 0; q < nq; q++)
                for (var cell = 0; cell < Cells; cell++)
                {
                    OpenVacancies(scale, cell, q, openRng[cell], carry[cell], output);
                    var rng = fillerRng[cell];
                    int start = QuarterStart(q), end = QuarterEnd(q);
                    for (var i = fillers[q * Cells + cell]; i > 0; i--)
                    {
                        var arisen = start + rng.NextInt(end - start + 1);
                        var filled = arisen + rng.NextInt(end - arisen + 1);
                        output.Row(arisen, filled, cell % nc, cell / nc, Draw(Positions, rng));
                    }
                    if (progress is not null && output.Rows >= next)
                    {
                        progress(output.Rows, total);
                        reported = output.Rows;
                        next = (output.Rows / every + 1) * every;
                    }
                }
            if (reported != output.Rows) progress?.Invoke(output.Rows, total);
        }

        /// <summary>
        /// Adds vacancies arising in quarter q until the positions open at its end reach the target.
        /// A vacancy may stay open over later quarter ends, but only where those quarters still have
        /// room, so no quarter ever ends above its target. Returns the number of vacancies.
        /// </summary>
        int OpenVacancies(double scale, int cell, int q, SplitMix64 rng, long[] carry, DetailWriter? output)
        {
            var need = Target(scale, q, cell) - carry[q];
            var count = 0;
            int start = QuarterStart(q), end = QuarterEnd(q);
            while (need > 0)
            {
                var positions = (int)Math.Min(Draw(Positions, rng), need);
                var span = Draw(Spans, rng);
                while (span > 1 && !Fits(scale, cell, q, span, positions, carry)) span--;
                for (var j = 1; j < span && q + j < nq; j++) carry[q + j] += positions;
                need -= positions;
                count++;

                var arisen = start + rng.NextInt(end - start + 1);
                var fillQuarter = q + span;
                var filled = fillQuarter < nq ? QuarterStart(fillQuarter) + rng.NextInt(QuarterEnd(fillQuarter) - QuarterStart(fillQuarter) + 1) : -1;
                output?.Row(arisen, filled, cell % nc, cell / nc, positions);
            }
            return count;
        }

        bool Fits(double scale, int cell, int q, int span, int positions, long[] carry)
        {
            for (var j = 1; j < span && q + j < nq; j++)
                if (carry[q + j] + positions > Target(scale, q + j, cell)) return false;
            return true;
        }

        static int Draw((int Value, double Cumulative)[] table, SplitMix64 rng)
        {
            var u = rng.NextDouble();
            foreach (var (value, cumulative) in table)
                if (u < cumulative) return value;
            return table[^1].Value;
        }
    }

    /// <summary>A byte-level CSV writer: the file can be gigabytes, so no strings per row.</summary>
    sealed class DetailWriter : IDisposable
    {
        readonly FileStream stream;
        readonly byte[] buffer = new byte[1 << 20];
        int bufferUsed;
        readonly byte[][] dates;
        readonly byte[][] classes;
        readonly byte[][] regions;

        public long Rows { get; private set; }
        public long Bytes { get; private set; }

        public DetailWriter(string path, string header)
        {
            stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            // Day numbers run from the first quarter's start; the last fill can be a quarter after the last quarter end.
            var epoch = UwvModel.First.EndDate.AddMonths(-3).AddDays(1);
            dates = Enumerable.Range(0, 366 * 8).Select(d => Ascii(epoch.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToArray();
            classes = Geography.Beroepsklassen.Select(Ascii).ToArray();
            regions = Geography.Arbeidsmarktregios.Select(r => Ascii(r.Code)).ToArray();
            Put(Ascii(header + "\n"));
        }

        static byte[] Ascii(string s) => System.Text.Encoding.ASCII.GetBytes(s);

        /// <summary>One vacancy; <paramref name="filled"/> -1 means still open (empty Datum_vervuld).</summary>
        public void Row(int arisen, int filled, int klasse, int region, int positions)
        {
            if (buffer.Length - bufferUsed < 128) Flush();
            var span = buffer.AsSpan(bufferUsed);
            var id = Rows + 1;
            span[0] = (byte)'V';
            var n = 1;
            // Zero-padded to nine digits, so ids sort in file order up to a billion rows.
            var digits = 9;
            for (var rest = id / 1_000_000_000; rest > 0; rest /= 10) digits++;
            for (var i = digits; i > 0; i--) { span[n + i - 1] = (byte)('0' + id % 10); id /= 10; }
            n += digits;
            span[n++] = (byte)';';
            dates[arisen].CopyTo(span[n..]); n += 10;
            span[n++] = (byte)';';
            if (filled >= 0) { dates[filled].CopyTo(span[n..]); n += 10; }
            span[n++] = (byte)';';
            classes[klasse].CopyTo(span[n..]); n += classes[klasse].Length;
            span[n++] = (byte)';';
            regions[region].CopyTo(span[n..]); n += regions[region].Length;
            span[n++] = (byte)';';
            Utf8Formatter.TryFormat(positions, span[n..], out var w);
            n += w;
            span[n++] = (byte)'\n';
            bufferUsed += n;
            Rows++;
        }

        void Put(byte[] bytes)
        {
            if (buffer.Length - bufferUsed < bytes.Length) Flush();
            bytes.CopyTo(buffer, bufferUsed);
            bufferUsed += bytes.Length;
        }

        public void Flush()
        {
            stream.Write(buffer, 0, bufferUsed);
            Bytes += bufferUsed;
            bufferUsed = 0;
        }

        public void Dispose() => stream.Dispose();
    }
}
