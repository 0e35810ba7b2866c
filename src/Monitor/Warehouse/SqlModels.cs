// The SQL models of sql/ by layer (staging/, intermediate/, marts/, seeds/) and the order they run in. Every model
// file opens with a `-- depends_on: schema.model, ...` header naming the models it reads (`-- depends_on: none` when
// it reads only raw/ref/meta tables); the runner orders the models from these headers, dependencies first, ties
// broken by name, and refuses a cycle or a dependency on a model that does not exist.
using System.Text.RegularExpressions;

namespace Monitor.Warehouse;

/// <summary>
/// One model file: its name (<c>schema.file</c>, e.g. <c>intermediate.int_targets</c>), where it lives
/// (<c>sql/intermediate/int_targets.sql</c>), the models it declares it depends on, and its SQL.
/// </summary>
public sealed record SqlModel(string Name, string File, IReadOnlyList<string> DependsOn, string Sql);

public static class SqlModels
{
    /// <summary>The model folders of sql/ and the schema their models' names carry.</summary>
    public static readonly IReadOnlyDictionary<string, string> LayerSchemas = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["staging"] = "staging",
        ["intermediate"] = "intermediate",
        ["marts"] = "mart",
        ["seeds"] = "mart",
    };

    static readonly Regex Header = new(@"^--\s*depends_on\s*:(.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    static readonly Regex ModelName = new(@"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant);

    /// <summary>The models of the given layer folders, in file-name order (not yet in run order: see <see cref="Order"/>).</summary>
    public static IReadOnlyList<SqlModel> Layers(params string[] folders) =>
        folders.SelectMany(folder => SqlResources.Folder(folder).Select(f => Parse(folder, f.Name, f.Sql))).ToList();

    /// <summary>
    /// Reads the <c>-- depends_on:</c> lines of a model's opening comment block (several lines add up; <c>none</c>
    /// declares no dependencies). A model without the header is refused.
    /// </summary>
    public static SqlModel Parse(string folder, string fileName, string sql)
    {
        if (!LayerSchemas.TryGetValue(folder, out var schema))
            throw new InvalidOperationException($"sql/{folder}/ is not a model folder (one of {string.Join(", ", LayerSchemas.Keys.Select(k => $"sql/{k}/"))})");
        var file = $"sql/{folder}/{fileName}.sql";
        var declared = new List<string>();
        var found = false;
        foreach (var line in sql.Split('\n').Select(l => l.Trim()).TakeWhile(l => l.StartsWith("--", StringComparison.Ordinal)))
        {
            var m = Header.Match(line);
            if (!m.Success) continue;
            found = true;
            foreach (var item in m.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (item == "none") continue;
                if (!ModelName.IsMatch(item))
                    throw new InvalidOperationException($"model {file}: '-- depends_on:' names '{item}', expected schema.model such as staging.stg_tpm_onderwijs");
                declared.Add(item);
            }
        }
        if (!found)
            throw new InvalidOperationException(
                $"model {file} must declare what it reads in its opening comments: '-- depends_on: schema.model, ...' (or '-- depends_on: none')");
        return new SqlModel($"{schema}.{fileName}", file, declared.Distinct(StringComparer.Ordinal).ToList(), sql);
    }

    /// <summary>
    /// The models in run order: every model after the models it depends on, and among the models that are free to run
    /// the one first in name order. <paramref name="built"/> names models of an earlier layer that already ran (the staging
    /// views for the indicator models): they may be depended on but are not run again. Refuses, naming the files, a model
    /// name used twice, a dependency on a model that is neither here nor built, and a cycle.
    /// </summary>
    public static IReadOnlyList<SqlModel> Order(IEnumerable<SqlModel> models, IEnumerable<string>? built = null)
    {
        var byName = new Dictionary<string, SqlModel>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            if (byName.TryGetValue(model.Name, out var other))
                throw new InvalidOperationException($"model name {model.Name} is used twice: {other.File} and {model.File}");
            byName[model.Name] = model;
        }
        var before = (built ?? []).ToHashSet(StringComparer.Ordinal);
        foreach (var model in byName.Values.OrderBy(m => m.File, StringComparer.Ordinal))
            foreach (var dependency in model.DependsOn)
            {
                if (dependency == model.Name)
                    throw new InvalidOperationException($"model {model.File} depends on itself ({dependency})");
                if (!byName.ContainsKey(dependency) && !before.Contains(dependency))
                    throw new InvalidOperationException(
                        $"model {model.File} depends on {dependency}, which is not a model (no file {ExpectedFiles(dependency)})");
            }

        // Kahn's algorithm with the free models kept in name order, so the order is the same on every run.
        var waitingOn = byName.Values.ToDictionary(m => m.Name, m => m.DependsOn.Count(byName.ContainsKey), StringComparer.Ordinal);
        var dependents = byName.Values
            .SelectMany(m => m.DependsOn.Where(byName.ContainsKey).Select(d => (Dependency: d, Dependent: m.Name)))
            .ToLookup(p => p.Dependency, p => p.Dependent, StringComparer.Ordinal);
        var free = new SortedSet<string>(waitingOn.Where(w => w.Value == 0).Select(w => w.Key), StringComparer.Ordinal);
        var order = new List<SqlModel>();
        while (free.Count > 0)
        {
            var next = free.Min!;
            free.Remove(next);
            order.Add(byName[next]);
            foreach (var dependent in dependents[next])
                if (--waitingOn[dependent] == 0) free.Add(dependent);
        }
        if (order.Count < byName.Count)
        {
            var cycle = FindCycle(byName, order.Select(m => m.Name).ToHashSet(StringComparer.Ordinal));
            throw new InvalidOperationException(
                $"the models depend on each other in a cycle: {string.Join(" -> ", cycle.Select(n => byName[n].File))}");
        }
        return order;
    }

    /// <summary>The files a model name could come from, for the message about an unknown dependency.</summary>
    static string ExpectedFiles(string name)
    {
        var dot = name.IndexOf('.');
        var (schema, file) = (name[..dot], name[(dot + 1)..]);
        var folders = LayerSchemas.Where(l => l.Value == schema).Select(l => $"sql/{l.Key}/{file}.sql").ToList();
        return folders.Count == 0
            ? $"for it: schema {schema} has no model folder; models live in {string.Join(", ", LayerSchemas.Keys.Select(k => $"sql/{k}/"))}"
            : string.Join(" or ", folders);
    }

    /// <summary>A cycle among the models that could not be ordered, as names from a model back to itself.</summary>
    static List<string> FindCycle(Dictionary<string, SqlModel> byName, HashSet<string> ordered)
    {
        // Every model left waits on another model left, so walking to the first unordered dependency must revisit one.
        var start = byName.Keys.Where(n => !ordered.Contains(n)).Min(StringComparer.Ordinal)!;
        var path = new List<string>();
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        var current = start;
        while (!at.ContainsKey(current))
        {
            at[current] = path.Count;
            path.Add(current);
            current = byName[current].DependsOn.Where(d => byName.ContainsKey(d) && !ordered.Contains(d)).Min(StringComparer.Ordinal)!;
        }
        var cycle = path.Skip(at[current]).ToList();
        cycle.Add(current);
        return cycle;
    }
}
