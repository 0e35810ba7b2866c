// Generated corruption (issue 11): sample files with many seeded single-byte and single-line corruptions, read by the
// generic validator and by the fast detail validator. Whatever the corruption, no exception comes out, and either the
// file is rejected with a reason, or its lines add up: every physical line of the bytes (counted here, independently)
// is the header, a loaded row or a quarantined row, each exactly once.
using System.Collections.Concurrent;
using System.Text;
using Monitor.Sources;
using Monitor.Sources.Detail;
using Monitor.Tests.Support;

namespace Monitor.Tests.Sources;

public class GeneratedCorruptionTests
{
    const int Seed = 20261201;
    const int CorruptionsPerFile = 60;
    static readonly Monitor.Domain.ReferenceData Reference = ReferenceLoader.Load(Fixtures.RepoRoot + "/sample-data").Data;

    /// <summary>A few sample files of different contracts (kept small: the whole test stays well under a minute).</summary>
    static readonly (string Folder, string Name)[] SampleFiles =
    [
        ("uwv", "uwv_vacatures_2025-02-14.csv"),
        ("techniekpact", "tpm_werkzaam_2025-05-15.csv"),
        ("techniekpact", "tpm_docenten_2025-03-14.csv"),
        ("roa", "roa_prognoses_2023-12-01.csv"),
        ("predict", "predict_werkzaam_2025-06-13.csv"),
    ];

    /// <summary>One corruption: its name (for the failure message) and the corrupted bytes.</summary>
    public readonly record struct Corruption(string Name, byte[] Bytes);

    /// <summary>Single-byte and single-line corruptions of <paramref name="original"/>, from a seeded generator.</summary>
    internal static IEnumerable<Corruption> Corrupt(byte[] original, Random random, int count)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < original.Length - 1; i++) if (original[i] == '\n') lineStarts.Add(i + 1);
        int AnyPosition() => random.Next(original.Length);
        int AnyDataLine() => lineStarts[random.Next(1, lineStarts.Count)];
        int Of(byte b) { var found = Enumerable.Range(0, original.Length).Where(i => original[i] == b).ToList(); return found.Count == 0 ? AnyPosition() : found[random.Next(found.Count)]; }
        byte[] Insert(int at, params byte[] what) => [.. original[..at], .. what, .. original[at..]];
        byte[] Replace(int at, params byte[] what) => [.. original[..at], .. what, .. original[(at + 1)..]];
        byte[] Remove(int at) => [.. original[..at], .. original[(at + 1)..]];
        (int Start, int End) LineAt(int start) { var end = Array.IndexOf(original, (byte)'\n', start); return (start, end < 0 ? original.Length : end + 1); }

        for (var k = 0; k < count; k++)
        {
            var kind = random.Next(16);
            var p = AnyPosition();
            switch (kind)
            {
                case 0: yield return new($"quote inserted at {p}", Insert(p, (byte)'"')); break;
                case 1: { var at = AnyDataLine(); yield return new($"quote at the start of the line at {at}", Insert(at, (byte)'"')); break; }
                case 2: { var at = Of((byte)';'); yield return new($"quote after the separator at {at}", Insert(at + 1, (byte)'"')); break; }
                case 3: yield return new($"NUL replaces byte {p}", Replace(p, 0)); break;
                case 4: yield return new($"NUL inserted at {p}", Insert(p, 0)); break;
                case 5: yield return new($"truncated at {p}", original[..p]); break;
                case 6: { var at = Of((byte)';'); yield return new($"separator at {at} deleted", Remove(at)); break; }
                case 7: { var at = Of((byte)';'); yield return new($"separator at {at} doubled", Insert(at, (byte)';')); break; }
                case 8:
                {
                    // An ASCII digit becomes an Arabic-Indic (U+0660 + d) or fullwidth (U+FF10 + d) digit.
                    var at = Enumerable.Range(0, original.Length).Where(i => char.IsAsciiDigit((char)original[i])).Skip(random.Next(50)).FirstOrDefault();
                    var d = original[at] - '0';
                    var digit = random.Next(2) == 0 ? (char)(0x0660 + d) : (char)(0xFF10 + d);
                    yield return new($"digit at {at} becomes {ControlText.CodePoint(digit)}", [.. original[..at], .. Encoding.UTF8.GetBytes(digit.ToString()), .. original[(at + 1)..]]);
                    break;
                }
                case 9: yield return new("UTF-16 LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Convert(Encoding.UTF8, Encoding.Unicode, original)]); break;
                case 10: yield return new("UTF-16 BE without BOM", Encoding.Convert(Encoding.UTF8, Encoding.BigEndianUnicode, original)); break;
                case 11: yield return new($"UTF-8 BOM and a Windows-1252 é at {p}", [0xEF, 0xBB, 0xBF, .. Replace(p, 0xE9)]); break;
                case 12: { var (s, e) = LineAt(AnyDataLine()); yield return new($"line at {s} deleted", [.. original[..s], .. original[e..]]); break; }
                case 13: { var (s, e) = LineAt(AnyDataLine()); yield return new($"line at {s} duplicated", [.. original[..e], .. original[s..e], .. original[e..]]); break; }
                case 14: { var at = AnyDataLine(); yield return new($"empty line inserted at {at}", Insert(at, random.Next(2) == 0 ? [(byte)'\n'] : [(byte)'\r', (byte)'\n'])); break; }
                default: { var b = (byte)random.Next(256); yield return new($"byte {p} becomes 0x{b:X2}", Replace(p, b)); break; }
            }
        }
    }

    /// <summary>Lines of the bytes as the contract counts them: line feeds, plus one for a last line without a line end.</summary>
    static long PhysicalLines(byte[] bytes)
    {
        var feeds = bytes.Count(b => b == (byte)'\n');
        return bytes.Length == 0 ? 0 : bytes[^1] == (byte)'\n' ? feeds : feeds + 1;
    }

    /// <summary>The accounting of one outcome: rejected with a reason, or every line 2..N loaded or quarantined, exactly once.</summary>
    static void AssertAccounted(string what, byte[] bytes, ExtractValidation v, IReadOnlyCollection<long> loadedLines)
    {
        if (v.Rejected)
        {
            Assert.That(v.FileError, Is.Not.Empty, what);
            Assert.That(v.FileError!.IndexOf('\0'), Is.EqualTo(-1), $"{what}: no NUL in the reason");
            return;
        }
        var physical = PhysicalLines(bytes);
        Assert.That(v.PhysicalLines, Is.EqualTo(physical), $"{what}: physical lines");
        Assert.That(v.HeaderLines, Is.EqualTo(1), what);
        var quarantined = v.Quarantine.Select(q => q.LineNumber).Distinct().ToList();
        Assert.That(loadedLines.Distinct().Count(), Is.EqualTo(loadedLines.Count), $"{what}: a line loaded twice");
        Assert.That(loadedLines.Intersect(quarantined), Is.Empty, $"{what}: a line both loaded and quarantined");
        Assert.That(loadedLines.Concat(quarantined).Order(), Is.EqualTo(Enumerable.Range(2, (int)physical - 1).Select(i => (long)i)),
            $"{what}: lines 2..{physical} each loaded or quarantined");
        Assert.That(v.LineAccountingError(loadedLines.Count), Is.Null, what);
        Assert.That(v.Quarantine.All(q => ControlText.IndexOfControl(q.RawRecord ?? "") < 0 && ControlText.IndexOfControl(q.RawValue ?? "") < 0),
            $"{what}: quarantined text is kept escaped");
    }

    [Test]
    public void Every_corrupted_sample_file_is_rejected_with_a_reason_or_accounts_for_every_line_on_the_generic_path()
    {
        var random = new Random(Seed);
        var validator = new ExtractValidator(Reference, 0.05);
        var cases = 0;
        using var tmp = new TempDir();
        foreach (var (folder, name) in SampleFiles)
        {
            var original = File.ReadAllBytes(Path.Combine(Fixtures.RepoRoot, "sample-data", folder, name));
            var file = ExtractDiscovery.Classify(Path.Combine(tmp.Path, name), folder, name);
            AssertAccounted($"{name} as shipped", original, validator.Validate(file, original), validator.Validate(file, original).Rows.Select(r => r.LineNumber).ToList());
            foreach (var c in Corrupt(original, random, CorruptionsPerFile))
            {
                var what = $"{name}, {c.Name}";
                ExtractValidation v = null!;
                Assert.DoesNotThrow(() => v = validator.Validate(file, c.Bytes), what);
                AssertAccounted(what, c.Bytes, v, v.Rows.Select(r => r.LineNumber).ToList());
                cases++;
            }
        }
        Assert.That(cases, Is.EqualTo(SampleFiles.Length * CorruptionsPerFile));
    }

    /// <summary>A small vacancy-level file (the sample data has none): 300 rows with a few repeats, dates filled or not.</summary>
    static byte[] DetailSample()
    {
        var sb = new StringBuilder("Vacature_id;Datum_ontstaan;Datum_vervuld;Beroepsklasse;Arbeidsmarktregio;Aantal_posities\n");
        var regions = new[] { "AM01", "AM13", "AM18", "AM22", "AM38" };
        for (var i = 1; i <= 300; i++)
            sb.Append($"V{(i % 97 == 0 ? i - 50 : i)};2024-{1 + i % 12:00}-{1 + i % 28:00};{(i % 3 == 0 ? $"2025-01-{1 + i % 28:00}" : "")};{1 + i % 13:00};{regions[i % 5]};{1 + i % 4}\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Test]
    public void Every_corrupted_vacancy_level_file_is_rejected_with_a_reason_or_accounts_for_every_line_on_the_fast_path()
    {
        var random = new Random(Seed + 1);
        using var tmp = new TempDir();
        var dir = tmp.Combine("uwv");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "uwv_vacatures_detail_2025-02-14.csv");
        var file = ExtractDiscovery.Classify(path, "uwv", "uwv_vacatures_detail_2025-02-14.csv");
        var original = DetailSample();
        var validator = new ExtractValidator(Reference, 0.05);
        int fast = 0, generic = 0;
        foreach (var c in Corrupt(original, random, 2 * CorruptionsPerFile).Prepend(new Corruption("as generated", original)))
        {
            File.WriteAllBytes(path, c.Bytes);
            // Small blocks on 2 threads: lines meet block edges everywhere.
            var facts = DetailFileScan.Scan(path, blockSize: 1024);
            using var detail = new DetailValidator(Reference, 0.05, file, facts, tmp.Path);
            var rows = new ConcurrentBag<long>();
            DetailValidation outcome = null!;
            Assert.DoesNotThrow(() => outcome = detail.Run(2, () => new Lines(rows)), c.Name);
            if (outcome.FallbackReason is not null)
            {
                // Handed to the generic validator, as the run does: that outcome must account for the lines.
                var v = validator.Validate(file, c.Bytes);
                AssertAccounted($"{c.Name} (generic, after: {outcome.FallbackReason})", c.Bytes, v, v.Rows.Select(r => r.LineNumber).ToList());
                generic++;
                continue;
            }
            var duplicates = outcome.DuplicateLines.ToHashSet();
            var loaded = rows.Where(line => !duplicates.Contains(line)).ToList();
            AssertAccounted($"{c.Name} (fast)", c.Bytes, outcome.Result, loaded);
            fast++;
        }
        Assert.That(fast, Is.GreaterThan(generic), "most corruptions stay on the fast path");
    }

    sealed class Lines(ConcurrentBag<long> into) : IDetailRowWriter
    {
        public void Write(long line, ReadOnlySpan<byte> id, int arisen, int filled, ReadOnlySpan<byte> klasse, ReadOnlySpan<byte> regio, long posities) => into.Add(line);
    }
}
