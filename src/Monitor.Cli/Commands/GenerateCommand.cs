// `monitor generate`: writes the seeded sample data directory or a large vacancy-level UWV file.
using System.CommandLine;
using System.Globalization;
using Monitor.Domain;
using Monitor.Generation;
using Monitor.Pipeline;

namespace Monitor.Cli.Commands;

public static class GenerateCommand
{
    public static Command Create()
    {
        var command = new Command("generate", "Generate synthetic, seeded extract files");
        command.Add(SampleData());
        command.Add(UwvDetail());
        return command;
    }

    static Option<int> Seed() => new("--seed")
    {
        Description = "Random seed; the same seed gives byte-identical files",
        DefaultValueFactory = _ => SampleDataGenerator.DefaultSeed,
    };

    static Command SampleData()
    {
        var outOption = new Option<string>("--out") { Description = "Data directory to write into", DefaultValueFactory = _ => "sample-data" };
        var seed = Seed();
        var command = new Command("sample-data", "Write the complete sample data directory (techniekpact/, predict/, uwv/, roa/, cbs/, programma/)") { outOption, seed };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(outOption)!;
            return Guarded(dir, () =>
            {
                var files = SampleDataGenerator.Generate(dir, parse.GetValue(seed));
                foreach (var f in files)
                    Console.WriteLine($"{Path.Combine(dir, f.RelativePath)}  {f.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows");
                Console.WriteLine($"{files.Count} files written");
            });
        });
        return command;
    }

    /// <summary>File-system problems are the user's to fix (path, permissions, disk): say which path, exit with Failure.</summary>
    static int Guarded(string path, Action work)
    {
        try
        {
            work();
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot write '{path}': {e.Message}");
            return ExitCodes.Failure;
        }
    }

    static Command UwvDetail()
    {
        var rows = new Option<long>("--rows") { Description = "Number of vacancy rows to write", Required = true };
        var seed = Seed();
        var outOption = new Option<string>("--out")
        {
            Description = "Output file, or a directory for uwv_vacatures_detail_<vintage>.csv",
            DefaultValueFactory = _ => ".",
        };
        var vintage = new Option<Vintage>("--vintage")
        {
            Description = "Publication date for the file name (YYYY-MM-DD, after 2024-12-31)",
            DefaultValueFactory = _ => UwvDetailGenerator.DefaultVintage,
            CustomParser = r =>
            {
                var text = r.Tokens.Single().Value;
                if (Vintage.TryParse(text, out var v)) return v;
                r.AddError($"--vintage expects a date as YYYY-MM-DD, got '{text}'");
                return default;
            },
        };
        var command = new Command("uwv-detail", "Write a vacancy-level UWV file whose open vacancies match the sample aggregates") { rows, seed, outOption, vintage };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(rows);
            if (n < 0)
            {
                Console.Error.WriteLine($"error: --rows must be 0 or more, got {n}");
                return ExitCodes.Usage;
            }
            var v = parse.GetValue(vintage);
            if (v.Date <= UwvModel.Last.EndDate)
            {
                Console.Error.WriteLine($"error: --vintage {v} is not after the last quarter in the file ({UwvModel.Last} ends {UwvModel.Last.EndDate:yyyy-MM-dd})");
                return ExitCodes.Usage;
            }
            var target = parse.GetValue(outOption)!;
            var path = Directory.Exists(target) || target.EndsWith('/') || target.EndsWith(Path.DirectorySeparatorChar)
                ? Path.Combine(target, UwvDetailGenerator.FileName(v))
                : target;
            return Guarded(path, () =>
            {
                var started = System.Diagnostics.Stopwatch.StartNew();
                var result = UwvDetailGenerator.Generate(path, n, parse.GetValue(seed), progress: (done, total) =>
                    Console.WriteLine($"  {done.ToString("N0", CultureInfo.InvariantCulture),15} / {total.ToString("N0", CultureInfo.InvariantCulture)} rows ({(total == 0 ? 100 : 100.0 * done / total):0}%)"));
                Console.WriteLine($"{result.Path}: {result.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows, " +
                                  $"{result.OpenVacancyRows.ToString("N0", CultureInfo.InvariantCulture)} open at a quarter end, " +
                                  $"scale {result.Scale.ToString("0.######", CultureInfo.InvariantCulture)}, " +
                                  $"{(result.Bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture)} MiB in {started.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
            });
        });
        return command;
    }
}
