// The report and the catalogue commands read mart.indicator_catalogue into the same type.
using Monitor.Indicators;
using Monitor.Reporting.Data;
using Monitor.Tests.Support;
using Monitor.Warehouse;

namespace Monitor.Tests.Reporting;

public class CatalogueEntryTests
{
    [Test]
    public void The_report_reads_the_catalogue_row_for_row_as_the_catalogue_command_does()
    {
        using var dir = new TempDir();
        ReportFixture.Create(dir.Path);
        using var db = WarehouseDb.OpenReadOnly(dir.Combine("warehouse.duckdb"));

        var report = MartData.Load(db, asOf: null).Catalogue;
        var catalogue = IndicatorCatalogue.FromWarehouse(db);

        // As ReportFixture writes them: one with a target rule, one without.
        Assert.That(report["hybride_docenten"], Is.EqualTo(new CatalogueEntry(
            "hybride_docenten", "Hybride docenten", "Hybride docenten", 1, "aantal", "Som over onderwijssoorten", "Techniekpactmonitor",
            "Techniekpactmonitor: brede bètatechnische definitie, inclusief ICT", "Op koers bij minimaal 1.000")));
        Assert.That(report["overleggen"], Is.EqualTo(new CatalogueEntry(
            "overleggen", "Overleggen", "Overleggen", 4, "aantal", "Aantal gehouden overleggen", "Programmabureau",
            "Programmabureau: actieregister en overleggen", null)));
        Assert.That(report.Values.OrderBy(e => e.Code, StringComparer.Ordinal),
            Is.EqualTo(catalogue.OrderBy(e => e.Code, StringComparer.Ordinal)));
        Assert.That(catalogue, Has.Count.EqualTo(32));
    }
}
