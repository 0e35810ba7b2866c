// Pijler 3 en 4: no source is connected yet, and the report says so instead of showing anything.
namespace Monitor.Reporting.Sections;

public sealed class Pillar34Section : IReportSection
{
    public string Title => "Pijler 3 en 4: productiviteit en governance";

    /// <summary>The statement tests look for: it must stay in the report until a source is connected.</summary>
    public const string NoSourceStatement = "Voor pijler 3 en pijler 4 is nog geen bron op de monitor aangesloten.";

    public void Write(ReportContext ctx)
    {
        ctx.Section1(Title);
        ctx.Note(NoSourceStatement + " Dit rapport toont daarom geen cijfers voor deze pijlers; er zijn ook geen schattingen of voorlopige waarden opgenomen.");
        ctx.Heading("Pijler 3: arbeidsproductiviteit", keepWithNext: 40f);
        ctx.Paragraph("Pijler 3 gaat over het verhogen van de groei van de arbeidsproductiviteit door (proces)innovatie, zodat met hetzelfde aantal " +
                      "technici en ICT'ers meer werk gedaan kan worden. Een reeks voor de arbeidsproductiviteit (bijvoorbeeld van CBS) is nog niet als " +
                      "bron aangeleverd. Zodra die er is, komt hier de ontwikkeling tegen het doel van het actieplan.");
        ctx.Heading("Pijler 4: governance en samenhang", keepWithNext: 40f);
        ctx.Paragraph("Pijler 4 gaat over één gecoördineerde aanpak in plaats van veel losse overlegtafels (tegengaan van versnippering). " +
                      "Deze monitor zelf — één rapport op basis van de Techniekpactmonitor, pr-eDICT, UWV en ROA — is daar een onderdeel van, " +
                      "maar voor de voortgang van deze pijler is nog geen meetbare indicator of bron vastgesteld.");
    }
}
