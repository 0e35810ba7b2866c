// The programme office's extracts (pillar 4): the action register, one complete snapshot per
// vintage, and the meetings of the governance. The register is a fixed table (the measures of the
// Kamerbrief of 3 February 2023 per pillar, with a made-up course of execution); the meetings follow
// the rhythm of the governance advice, with seeded attendance.
namespace Monitor.Generation;

static class Programme
{
    /// <summary>The register vintages: the end of 2025KW1, 2025KW3 and 2025KW4.</summary>
    public static readonly DateOnly[] Vintages = [new(2025, 3, 31), new(2025, 9, 30), new(2025, 12, 31)];

    /// <summary>How far an action was on one vintage date.</summary>
    internal sealed record State(string Status, DateOnly GeplandGereed, DateOnly? Gereed = null);

    /// <summary>An action and its state per vintage (null: not in that register).</summary>
    internal sealed record PlannedAction(string Id, int Pijler, string Maatregel, string Eigenaar, DateOnly Start, string Indicator, State?[] States);

    internal sealed record ActionRow(string Id, int Pijler, string Maatregel, string Eigenaar, string Status, DateOnly Start, DateOnly GeplandGereed, DateOnly? Gereed, string Indicator);

    internal sealed record Meeting(DateOnly Datum, string Overleg, int Genodigd, int Aanwezig);

    static DateOnly D(int y, int m, int d) => new(y, m, d);
    static State S(string status, DateOnly gepland, DateOnly? gereed = null) => new(status, gepland, gereed);
    static State?[] Same(State s) => [s, s, s];

    /// <summary>
    /// The register. Behind schedule per vintage (contract: vertraagd, or not afgerond/gestopt with
    /// Gepland_gereed before the vintage date): 2025-03-31 A20; 2025-09-30 A02, A08, A17, A20;
    /// 2025-12-31 A02, A08, A20. A07 is gestopt throughout; A03 is dropped from the 2025-12-31 register.
    /// </summary>
    public static readonly PlannedAction[] Actions =
    [
        // --- pijler 1: instroom in bètatechnisch onderwijs ---
        new("A01", 1, "Sterk Techniekonderwijs en techniekpromotie in het vmbo", "OCW", D(2023, 3, 1), "onderwijs_instroom,aandeel_betatechniek",
            Same(S("in_uitvoering", D(2026, 12, 31)))),
        new("A02", 1, "Hybride docenten: 1.000 professionals opleiden en beschikbaar stellen voor het technisch onderwijs", "onderwijs", D(2023, 4, 1), "hybride_docenten",
            [S("in_uitvoering", D(2025, 12, 31)), S("vertraagd", D(2025, 12, 31)), S("vertraagd", D(2026, 12, 31))]),
        new("A03", 1, "Maatschappelijke Diensttijd met techniekplaatsen voor jongeren", "OCW", D(2023, 9, 1), "onderwijs_instroom",
            [S("in_uitvoering", D(2025, 12, 31)), S("in_uitvoering", D(2025, 12, 31)), null]),
        new("A04", 1, "Subsidieregeling Praktijkleren; Regionaal Investeringsfonds mbo voor techniekopleidingen", "OCW", D(2023, 1, 1), "onderwijs_ingeschreven",
            Same(S("afgerond", D(2024, 12, 31), D(2024, 12, 20)))),
        new("A05", 1, "Aansluiting onderwijs-arbeidsmarkt: regionale opleidingsafspraken met technische werkgevers", "onderwijs", D(2025, 9, 1), "gediplomeerden,ict_opleiding_instroom",
            [S("gepland", D(2027, 7, 31)), S("gepland", D(2027, 7, 31)), S("in_uitvoering", D(2027, 7, 31))]),

        // --- pijler 2: behoud, zij-instroom en matching ---
        new("A06", 2, "Leven Lang Ontwikkelen: om- en bijscholing naar techniek en ICT", "SZW", D(2023, 1, 1), "zij_instroom:techniek,zij_instroom:ict,nettogroei:ict",
            Same(S("in_uitvoering", D(2026, 12, 31)))),
        new("A07", 2, "STAP-budget gericht op techniek en ICT", "SZW", D(2022, 3, 1), "zij_instroom:ict",
            Same(S("gestopt", D(2025, 12, 31)))),
        new("A08", 2, "Matching via de nieuwe arbeidsmarktinfrastructuur", "SZW", D(2023, 6, 1), "spanningsindicator:techniek,spanningsindicator:ict,werkzaam:ict",
            [S("in_uitvoering", D(2025, 6, 30)), S("in_uitvoering", D(2025, 6, 30)), S("vertraagd", D(2026, 6, 30))]),
        new("A09", 2, "Diversiteit en inclusiviteit: meer vrouwen in technische en ICT-beroepen", "werkgevers", D(2023, 5, 1), "aandeel_vrouwen_werkzaam:techniek,aandeel_vrouwen_werkzaam:ict",
            Same(S("in_uitvoering", D(2026, 12, 31)))),
        new("A10", 2, "10-jarig leer-, werk- en inkomensperspectief voor technische vakmensen", "werkgevers", D(2024, 1, 1), "behoud:techniek,uitstroom:techniek",
            [S("in_uitvoering", D(2025, 6, 30)), S("afgerond", D(2025, 6, 30), D(2025, 6, 20)), S("afgerond", D(2025, 6, 30), D(2025, 6, 20))]),
        new("A11", 2, "Gouden poort: oriëntatieplaats voor werkenden en werkzoekenden", "regio's", D(2024, 6, 1), "zij_instroom:techniek",
            [S("in_uitvoering", D(2025, 12, 31)), S("in_uitvoering", D(2025, 12, 31)), S("afgerond", D(2025, 12, 31), D(2025, 12, 15))]),

        // --- pijler 3: arbeidsproductiviteit ---
        new("A12", 3, "Productiviteitsoffensief Energie, Bouw en Techniek met Aanjaagteam", "werkgevers", D(2023, 10, 1), "arbeidsproductiviteit_groei",
            Same(S("in_uitvoering", D(2025, 12, 31)))),
        new("A13", 3, "Versnelling Digitalisering mkb", "EZK", D(2022, 1, 1), "arbeidsproductiviteit_groei",
            Same(S("in_uitvoering", D(2026, 12, 31)))),
        new("A14", 3, "Smart Industry: fieldlabs en regionale hubs", "EZK", D(2022, 1, 1), "arbeidsproductiviteit_groei",
            Same(S("afgerond", D(2024, 12, 31), D(2025, 2, 28)))),
        new("A15", 3, "Europese Digitale Innovatiehubs", "EZK", D(2022, 9, 1), "arbeidsproductiviteit_groei",
            [S("in_uitvoering", D(2025, 8, 31)), S("afgerond", D(2025, 8, 31), D(2025, 8, 29)), S("afgerond", D(2025, 8, 31), D(2025, 8, 29))]),
        new("A16", 3, "AiNed: kennis en toepassing van kunstmatige intelligentie", "EZK", D(2021, 7, 1), "",
            Same(S("in_uitvoering", D(2027, 12, 31)))),
        new("A17", 3, "Herijking MMIP's: missiegedreven innovatie voor de energietransitie", "KGG", D(2024, 4, 1), "arbeidsproductiviteit_groei",
            [S("in_uitvoering", D(2025, 3, 31)), S("vertraagd", D(2025, 12, 31)), S("afgerond", D(2025, 12, 31), D(2025, 11, 28))]),

        // --- pijler 4: governance en tegengaan versnippering ---
        new("A18", 4, "Regie en coördinatie met Techniekpact, Taakgroep Arbeidsmarkt en Scholing en HCA ICT", "EZK", D(2023, 2, 3), "overleggen,werkzaam:ict",
            Same(S("in_uitvoering", D(2030, 12, 31)))),
        new("A19", 4, "Strategisch programmeren op de arbeidsvraag in de energietransitie; RES-regio's gekoppeld aan de regionale mobiliteitsteams", "KGG", D(2024, 1, 15), "openstaande_vacatures:techniek",
            Same(S("in_uitvoering", D(2026, 6, 30)))),
        new("A20", 4, "Eén landelijke monitor voor het actieplan", "EZK", D(2024, 1, 1), "",
            Same(S("in_uitvoering", D(2025, 3, 1)))),
    ];

    /// <summary>The register as it stood on vintage <paramref name="index"/> (0-based into <see cref="Vintages"/>).</summary>
    public static List<ActionRow> Register(int index) => Actions
        .Where(a => a.States[index] is not null)
        .Select(a =>
        {
            var s = a.States[index]!;
            return new ActionRow(a.Id, a.Pijler, a.Maatregel, a.Eigenaar, s.Status, a.Start, s.GeplandGereed, s.Gereed, a.Indicator);
        })
        .ToList();

    /// <summary>Koersoverleg dates: three a year, only two in 2024 (the June meeting fell out with the change of cabinet).</summary>
    public static readonly DateOnly[] Koersoverleggen =
    [
        D(2023, 3, 28), D(2023, 6, 27), D(2023, 11, 14),
        D(2024, 3, 26), D(2024, 11, 12),
        D(2025, 3, 25), D(2025, 6, 24), D(2025, 11, 18),
    ];

    /// <summary>Regional information meetings, in May and December.</summary>
    public static readonly DateOnly[] Regionaal =
    [
        D(2023, 5, 16), D(2023, 12, 12), D(2024, 5, 14), D(2024, 12, 10), D(2025, 5, 13), D(2025, 12, 9),
    ];

    /// <summary>The row a later vintage corrects: the attendance of the koersoverleg of 25 March 2025 was two too low at first.</summary>
    public static readonly (DateOnly Datum, string Overleg, int AanwezigDelta, DateOnly CorrectedIn) Correction =
        (D(2025, 3, 25), "koersoverleg", 2, D(2025, 9, 30));

    /// <summary>
    /// Every meeting with its latest figures: the kerngroepen two weeks before each koersoverleg
    /// (pijler 1, 2, 3 on consecutive days), the DG-overleg nine days after it, and the regional meetings.
    /// Invited and present are seeded per meeting.
    /// </summary>
    public static List<Meeting> Meetings(long seed)
    {
        var rng = SplitMix64.For(seed, "programma/overleggen");
        var plan = new List<(DateOnly Datum, string Overleg)>();
        foreach (var k in Koersoverleggen)
        {
            plan.Add((k.AddDays(-14), "kerngroep_pijler1"));
            plan.Add((k.AddDays(-13), "kerngroep_pijler2"));
            plan.Add((k.AddDays(-12), "kerngroep_pijler3"));
            plan.Add((k, "koersoverleg"));
            plan.Add((k.AddDays(9), "dg_overleg"));
        }
        plan.AddRange(Regionaal.Select(d => (d, "regionaal")));

        var meetings = new List<Meeting>();
        foreach (var (datum, overleg) in plan.OrderBy(p => p.Datum).ThenBy(p => p.Overleg, StringComparer.Ordinal))
        {
            // Invited: a base size plus a few; absent: up to a maximum per type.
            var (baseInvited, extra, maxAbsent) = overleg switch
            {
                "koersoverleg" => (16, 3, 4),
                "dg_overleg" => (6, 1, 2),
                "regionaal" => (45, 16, 20),
                _ => (9, 3, 4),   // kerngroepen
            };
            var genodigd = baseInvited + rng.NextInt(extra);
            var aanwezig = genodigd - rng.NextInt(maxAbsent + 1);
            meetings.Add(new Meeting(datum, overleg, genodigd, aanwezig));
        }
        return meetings;
    }

    /// <summary>The meetings file of vintage <paramref name="vintage"/>: meetings held on or before it, the correction applied from its date on.</summary>
    public static List<Meeting> MeetingsUpTo(DateOnly vintage, long seed) => Meetings(seed)
        .Where(m => m.Datum <= vintage)
        .Select(m => m.Datum == Correction.Datum && m.Overleg == Correction.Overleg && vintage < Correction.CorrectedIn
            ? m with { Aanwezig = m.Aanwezig - Correction.AanwezigDelta }
            : m)
        .ToList();
}
