namespace Monitor.Indicators;

/// <summary>
/// One row of mart.indicator_catalogue, as the catalogue commands, explain, the report and the site read it.
/// Every column but the target rule is filled for every indicator (see sql/dictionary/mart.yaml).
/// </summary>
public sealed record CatalogueEntry(
    string Code, string Naam, string Beschrijving, int Pijler, string Unit,
    string Formule, string Bron, string Definitie, string? Doelregel);
