// The run order of the SQL models from their `-- depends_on:` headers (Warehouse/SqlModels.cs), and the headers of
// the repository's models checked against what their SQL reads.
using System.Text.RegularExpressions;
using Monitor.Indicators;
using Monitor.Warehouse;

namespace Monitor.Tests.Indicators;

public class SqlModelOrderTests
{
    static SqlModel Model(string file, string dependsOn) =>
        SqlModels.Parse("intermediate", file, $"-- depends_on: {dependsOn}\n-- what it is\nSELECT 1;");

    [Test]
    public void Models_run_after_what_they_depend_on_and_otherwise_in_name_order()
    {
        // a needs b and c, b needs c, d needs nothing: c and d are free first, c wins by name; then b is free
        // beside d and wins by name; then a beside d.
        var order = SqlModels.Order([
            Model("a", "intermediate.b, intermediate.c"),
            Model("d", "none"),
            Model("b", "intermediate.c"),
            Model("c", "none"),
        ]);
        Assert.That(order.Select(m => m.Name), Is.EqualTo(new[] { "intermediate.c", "intermediate.b", "intermediate.a", "intermediate.d" }));
    }

    [Test]
    public void The_header_may_run_over_several_lines_and_names_the_model_by_layer_and_file()
    {
        var m = SqlModels.Parse("marts", "acties", "-- depends_on: staging.stg_a,\n-- depends_on: intermediate.int_b\n-- text\nSELECT 1");
        Assert.That((m.Name, m.File), Is.EqualTo(("mart.acties", "sql/marts/acties.sql")));
        Assert.That(m.DependsOn, Is.EqualTo(new[] { "staging.stg_a", "intermediate.int_b" }));
    }

    [Test]
    public void A_cycle_is_refused_naming_its_files()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SqlModels.Order([
            Model("w", "none"),
            Model("x", "intermediate.y"),
            Model("y", "intermediate.z"),
            Model("z", "intermediate.x, intermediate.w"),
        ]));
        Assert.That(e!.Message, Is.EqualTo("the models depend on each other in a cycle: "
            + "sql/intermediate/x.sql -> sql/intermediate/y.sql -> sql/intermediate/z.sql -> sql/intermediate/x.sql"));
    }

    [Test]
    public void An_unknown_dependency_is_refused_naming_the_file_and_the_name()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SqlModels.Order([
            Model("a", "none"),
            Model("b", "intermediate.a, intermediate.int_missing"),
        ]));
        Assert.That(e!.Message, Is.EqualTo(
            "model sql/intermediate/b.sql depends on intermediate.int_missing, which is not a model (no file sql/intermediate/int_missing.sql)"));
    }

    [Test]
    public void A_model_of_an_earlier_layer_may_be_depended_on_when_it_ran_before()
    {
        var b = Model("b", "staging.stg_x");
        Assert.That(SqlModels.Order([b], built: ["staging.stg_x"]).Select(m => m.Name), Is.EqualTo(new[] { "intermediate.b" }));
        var e = Assert.Throws<InvalidOperationException>(() => SqlModels.Order([b]));
        Assert.That(e!.Message, Does.Contain("sql/intermediate/b.sql depends on staging.stg_x").And.Contain("sql/staging/stg_x.sql"));
    }

    [Test]
    public void A_model_without_the_header_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SqlModels.Parse("staging", "stg_x", "-- a view\nCREATE VIEW staging.stg_x AS SELECT 1"));
        Assert.That(e!.Message, Does.StartWith("model sql/staging/stg_x.sql must declare what it reads"));
    }

    [Test]
    public void The_indicator_models_run_each_after_the_models_it_declares()
    {
        var order = IndicatorBuilder.Models();
        var position = order.Select((m, i) => (m.Name, i)).ToDictionary(p => p.Name, p => p.i);
        Assert.That(order.Select(m => m.File), Does.Contain("sql/seeds/indicator_catalogue.sql")
            .And.Contain("sql/intermediate/int_targets.sql").And.Contain("sql/marts/indicator_values.sql"));
        foreach (var model in order)
            foreach (var dependency in model.DependsOn.Where(position.ContainsKey))
                Assert.That(position[dependency], Is.LessThan(position[model.Name]), $"{model.File} runs after {dependency}");
        Assert.That(position["mart.indicator_values"], Is.GreaterThan(position["mart.indicator_values_as_of"]));
    }

    static readonly Regex Created = new(@"CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP\s+)?(?:VIEW|TABLE|MACRO)\s+([a-z_]+\.[a-z0-9_]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    static readonly Regex Referenced = new(@"\b(?:staging|intermediate|mart)\.[a-z0-9_]+\b", RegexOptions.CultureInvariant);

    /// <summary>The SQL without its comments (a comment may name a model the SQL does not read).</summary>
    static string Code(string sql) => string.Join("\n", sql.Split('\n').Select(l => l.IndexOf("--", StringComparison.Ordinal) is var i and >= 0 ? l[..i] : l));

    [Test]
    public void Every_model_declares_exactly_the_models_its_SQL_reads()
    {
        var models = SqlModels.Layers("staging", "seeds", "intermediate", "marts");
        Assert.That(models, Has.Count.GreaterThan(30));
        // Which model creates each view, table and macro.
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in models)
            foreach (Match c in Created.Matches(Code(m.Sql)))
                owner[c.Groups[1].Value] = m.Name;
        Assert.That(owner, Does.ContainKey("intermediate.int_target_values").WithValue("intermediate.int_targets"));

        var wrong = new List<string>();
        foreach (var m in models)
        {
            var reads = Referenced.Matches(Code(m.Sql)).Select(r => r.Value)
                .Where(owner.ContainsKey).Select(r => owner[r]).Where(o => o != m.Name)
                .ToHashSet(StringComparer.Ordinal);
            var declared = m.DependsOn.ToHashSet(StringComparer.Ordinal);
            foreach (var missing in reads.Except(declared).Order(StringComparer.Ordinal))
                wrong.Add($"{m.File} reads {missing} but does not declare it");
            foreach (var extra in declared.Except(reads).Order(StringComparer.Ordinal))
                wrong.Add($"{m.File} declares {extra} but does not read it");
        }
        Assert.That(wrong, Is.Empty);
    }
}
