// bench/run.sh's harness: the two loads it compares, each as one process so /usr/bin/time measures it alone.
//   baseline <file> <db>   DuckDB's own read_csv of the file into a table with the types of raw.uwv_vacatures_detail
//   load <file> <db>       the monitor's load of the same file (validation, lineage, quarantine) into a new warehouse
// Both use the same DuckDB settings (memory_limit as the monitor's loader sets it, threads = DuckDB's default).
using System.Diagnostics;
using System.Globalization;
using Dapper;
using DuckDB.NET.Data;
using Monitor.Sources;
using Monitor.Sources.Detail;
using Monitor.Warehouse;

var inv = CultureInfo.InvariantCulture;
if (args.Length == 3 && args[0] == "validate") return ValidateOnly(args[1], int.Parse(args[2], inv));
if (args.Length != 3 || args[0] is not ("baseline" or "load"))
{
    Console.Error.WriteLine("usage: bench-harness baseline|load <detail-file> <new-database>");
    Console.Error.WriteLine("       bench-harness validate <detail-file> <rounds>");
    return 2;
}
var file = Path.GetFullPath(args[1]);
var dbPath = Path.GetFullPath(args[2]);
if (File.Exists(dbPath)) File.Delete(dbPath);
var clock = Stopwatch.StartNew();

if (args[0] == "baseline")
{
    using var c = new DuckDBConnection($"Data Source={dbPath}");
    c.Open();
    c.Execute($"SET memory_limit = '{DetailLoader.MemoryLimit}'");
    var rows = c.Execute($"""
        CREATE TABLE t AS SELECT * FROM read_csv('{file.Replace("'", "''")}', delim = ';', quote = '"', escape = '"', header = true, auto_detect = false,
            columns = {"{"}'Vacature_id': 'VARCHAR', 'Datum_ontstaan': 'DATE', 'Datum_vervuld': 'DATE', 'Beroepsklasse': 'VARCHAR',
                       'Arbeidsmarktregio': 'VARCHAR', 'Aantal_posities': 'BIGINT'{"}"})
        """);
    Console.WriteLine($"  CREATE TABLE AS {clock.Elapsed.TotalSeconds.ToString("F2", inv)} s");
    c.Execute("CHECKPOINT");
    Console.WriteLine($"baseline: {c.ExecuteScalar<long>("SELECT count(*) FROM t"):N0} rows in {clock.Elapsed.TotalSeconds.ToString("F2", inv)} s");
    return 0;
}

var name = Path.GetFileName(file);
var discovered = ExtractDiscovery.Classify(file, "uwv", name);
if (!DetailLoader.Handles(discovered)) { Console.Error.WriteLine($"{name} is not a uwv_vacatures_detail file name"); return 2; }
var reference = ReferenceData();
using (var db = WarehouseDb.OpenForWrite(dbPath))
{
    Console.WriteLine($"  reference data read, warehouse opened and migrated after {clock.Elapsed.TotalSeconds.ToString("F2", inv)} s");
    var loader = new DetailLoader(reference, 0.05) { Trace = m => Console.WriteLine($"  {m}") };
    var outcome = loader.TryIngest(db, "bench", discovered, DateTimeOffset.UtcNow);
    if (outcome is null) { Console.Error.WriteLine($"the fast loader handed the file to the generic path: {loader.LastFallbackReason}"); return 1; }
    var beforeCheckpoint = clock.Elapsed;
    db.Connection.Execute("CHECKPOINT");
    Console.WriteLine($"  CHECKPOINT {(clock.Elapsed - beforeCheckpoint).TotalSeconds.ToString("F2", inv)} s");
    Console.WriteLine($"load: {outcome.State}, {outcome.RowsTotal:N0} rows, {outcome.RowsLoaded:N0} loaded, {outcome.RowsQuarantined:N0} quarantined in {clock.Elapsed.TotalSeconds.ToString("F2", inv)} s {outcome.Reason}");
}
return 0;

// The validator alone, on one thread, without DuckDB (rows counted, not stored), <rounds> times in one process: the
// per-row work of the fast path as processor time, which on a shared machine varies less than a load's wall clock.
static int ValidateOnly(string path, int rounds)
{
    var inv = CultureInfo.InvariantCulture;
    var file = Path.GetFullPath(path);
    var discovered = ExtractDiscovery.Classify(file, "uwv", Path.GetFileName(file));
    var reference = ReferenceData();
    var facts = DetailFileScan.Scan(file, sha256: false);
    for (var round = 1; round <= rounds; round++)
    {
        var counter = new RowCounter();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var validator = new DetailValidator(reference, 0.05, discovered, facts, Path.GetTempPath());
        var outcome = validator.Run(1, () => counter);
        Console.WriteLine($"validate {round}: {outcome.RowsWritten:N0} rows written, {outcome.Result.RowsQuarantined:N0} quarantined, {outcome.SlowRecords:N0} through the cell parser; " +
            $"{clock.Elapsed.TotalSeconds.ToString("F2", inv)} s, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds.ToString("F2", inv)} s");
    }
    return 0;
}

static Monitor.Domain.ReferenceData ReferenceData()
{
    // The reference tables that travel inside the monitor, as a run without reference/ overrides uses them.
    var dir = Path.Combine(Path.GetTempPath(), $"bench-reference-{Environment.ProcessId}");
    try
    {
        Directory.CreateDirectory(dir);
        return ReferenceLoader.Load(dir).Data;
    }
    finally { Directory.Delete(dir, true); }
}

sealed class RowCounter : IDetailRowWriter
{
    public long Rows;
    public void Write(long line, ReadOnlySpan<byte> id, int arisen, int filled, ReadOnlySpan<byte> klasse, ReadOnlySpan<byte> regio, long posities) => Rows++;
}
