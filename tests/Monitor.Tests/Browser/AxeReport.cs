using System.Text;
using System.Text.Json;

namespace Monitor.Tests.Browser;

/// <summary>One element an axe rule found at fault: its CSS selector and the start of its HTML.</summary>
public sealed record AxeNode(string Target, string Html);

/// <summary>One axe rule that failed on the page, with every element it failed on.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes);

/// <summary>What axe-core found on one page.</summary>
public sealed class AxeReport
{
    /// <summary>The rule tags of WCAG 2.1 level A and AA, the standard Dutch government sites are held to.</summary>
    public static readonly string[] Wcag21AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>axe's impact levels, most severe first; "unknown" for a violation axe gives no impact.</summary>
    public static readonly string[] Impacts = ["critical", "serious", "moderate", "minor", "unknown"];

    public string Url { get; }
    public string AxeVersion { get; }
    public IReadOnlyList<AxeViolation> Violations { get; }

    /// <summary>The violations per impact level; every level of <see cref="Impacts"/> is present, possibly empty.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<AxeViolation>> ByImpact { get; }

    public AxeReport(string url, string axeVersion, IReadOnlyList<AxeViolation> violations)
    {
        Url = url;
        AxeVersion = axeVersion;
        Violations = violations;
        ByImpact = Impacts.ToDictionary(i => i, i => (IReadOnlyList<AxeViolation>)violations.Where(v => v.Impact == i).ToList());
    }

    /// <summary>The violations of this impact or worse: AtLeast("serious") gives the serious and the critical ones.</summary>
    public IReadOnlyList<AxeViolation> AtLeast(string impact)
    {
        var rank = Array.IndexOf(Impacts, impact);
        if (rank < 0) throw new ArgumentException($"unknown impact '{impact}', expected one of {string.Join(", ", Impacts)}", nameof(impact));
        return Violations.Where(v => Array.IndexOf(Impacts, v.Impact) <= rank && v.Impact != "unknown").ToList();
    }

    /// <summary>A readable account for an assertion message: rule, impact, help and the elements.</summary>
    public string Describe(IEnumerable<AxeViolation>? violations = null)
    {
        var list = (violations ?? Violations).ToList();
        if (list.Count == 0) return $"axe {AxeVersion} found no violations on {Url}";
        var text = new StringBuilder($"axe {AxeVersion} on {Url}:\n");
        foreach (var v in list)
        {
            text.Append($"  [{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl})\n");
            foreach (var n in v.Nodes.Take(5)) text.Append($"      {n.Target}  {n.Html}\n");
            if (v.Nodes.Count > 5) text.Append($"      … and {v.Nodes.Count - 5} more\n");
        }
        return text.ToString();
    }

    public override string ToString() => Describe();

    /// <summary>Reads the object the harness's script returns: { version, violations: [{ id, impact, help, helpUrl, nodes: [{ target, html }] }] }.</summary>
    internal static AxeReport FromJson(string url, JsonElement result)
    {
        var violations = result.GetProperty("violations").EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").ValueKind == JsonValueKind.String ? v.GetProperty("impact").GetString()! : "unknown",
            v.GetProperty("help").GetString() ?? "",
            v.GetProperty("helpUrl").GetString() ?? "",
            v.GetProperty("nodes").EnumerateArray()
                .Select(n => new AxeNode(n.GetProperty("target").GetString() ?? "", n.GetProperty("html").GetString() ?? ""))
                .ToList())).ToList();
        return new AxeReport(url, result.GetProperty("version").GetString() ?? "?", violations);
    }
}
