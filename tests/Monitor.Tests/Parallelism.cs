// The fixtures run two at a time (CI has two cores, and most tests wait on one DuckDB query or one file at a
// time). Tests of one fixture still run one after the other; a fixture marked [NonParallelizable] runs alone.
// Nothing in the library writes to the console, and the CLI tests capture it under one lock (Support/MonitorCli.cs).
using NUnit.Framework;

[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
