// The regional shape of the sample data: rough real sizes, so that regional charts look like the Netherlands.
// The codes must match reference/ (a test checks that); the weights are relative, not counts.
namespace Monitor.Generation;

static class Geography
{
    public static readonly string[] Provinces =
        ["PV20", "PV21", "PV22", "PV23", "PV24", "PV25", "PV26", "PV27", "PV28", "PV29", "PV30", "PV31"];

    /// <summary>Population in thousands, about 2023: the default weight for education.</summary>
    public static readonly double[] ProvincePopulation =
        [590, 655, 500, 1175, 440, 2120, 1390, 2950, 3800, 390, 2650, 1120];

    /// <summary>Share of the ICT workforce (pr-eDICT), in percent: concentrated in the Randstad and Brabant.</summary>
    public static readonly double[] ProvinceIct =
        [3.0, 2.4, 2.0, 5.2, 2.5, 11.0, 12.2, 22.3, 19.0, 1.2, 14.2, 5.0];

    /// <summary>Yearly drift of the ICT share per province (Utrecht and Noord-Holland pull).</summary>
    public static readonly double[] ProvinceIctDrift =
        [-0.004, -0.005, -0.005, 0.0, 0.002, -0.001, 0.006, 0.005, 0.0, -0.006, 0.002, -0.004];

    /// <summary>Share of the broad technical workforce, in percent: more industrial than ICT.</summary>
    public static readonly double[] ProvinceTechniek =
        [3.5, 4.0, 3.1, 7.2, 2.6, 12.6, 7.3, 15.0, 19.0, 2.6, 17.1, 6.0];

    /// <summary>Universities are where they are: wo weights per province.</summary>
    public static readonly double[] ProvinceWo =
        [9.0, 0.6, 0.3, 5.0, 0.4, 10.0, 16.0, 22.0, 22.0, 0.5, 9.0, 5.2];

    public static readonly string[] TechniekpactRegions = ["TP1", "TP2", "TP3", "TP4", "TP5"];

    /// <summary>TP1 Noord (PV20-22), TP2 Oost (PV23, PV25), TP3 Noordvleugel (PV24, PV26, PV27), TP4 Zuidvleugel (PV28), TP5 Zuid (PV29-31).</summary>
    public static readonly string[][] TechniekpactProvinces =
    [
        ["PV20", "PV21", "PV22"], ["PV23", "PV25"], ["PV24", "PV26", "PV27"], ["PV28"], ["PV29", "PV30", "PV31"],
    ];

    public static double[] TechniekpactPopulation() => TechniekpactProvinces
        .Select(ps => ps.Sum(p => ProvincePopulation[Array.IndexOf(Provinces, p)]))
        .ToArray();

    public static double[] TechniekpactWeights(double[] provinceWeights) => TechniekpactProvinces
        .Select(ps => ps.Sum(p => provinceWeights[Array.IndexOf(Provinces, p)]))
        .ToArray();

    public sealed record LabourMarketRegion(string Code, string Naam, double Size, double Ict, double Techniek, double Agrarisch, double Ww);

    /// <summary>
    /// The 35 arbeidsmarktregio's with a size (thousands of jobs, roughly) and tilts per domain:
    /// ICT gathers in Amsterdam, Utrecht, Eindhoven and The Hague; industry in Brabant, Twente,
    /// Rijnmond and Zeeland; agriculture in the countryside. Ww tilts short-term unemployment.
    /// </summary>
    public static readonly LabourMarketRegion[] Arbeidsmarktregios =
    [
        new("AM01", "Groningen", 290, 0.90, 1.00, 1.4, 1.25),
        new("AM02", "Friesland", 300, 0.55, 1.05, 1.9, 1.10),
        new("AM03", "Drenthe", 195, 0.45, 1.10, 1.8, 1.15),
        new("AM05", "Twente", 300, 0.85, 1.35, 1.2, 1.05),
        new("AM06", "Stedendriehoek en Noordwest Veluwe", 230, 0.80, 1.05, 1.4, 0.95),
        new("AM07", "Midden-Gelderland", 355, 0.95, 1.00, 0.9, 0.95),
        new("AM08", "Rijk van Nijmegen", 260, 0.85, 0.95, 0.8, 1.05),
        new("AM09", "Achterhoek", 185, 0.45, 1.40, 1.7, 0.85),
        new("AM10", "Rivierenland", 110, 0.50, 1.20, 2.0, 0.85),
        new("AM11", "Flevoland", 175, 0.80, 1.10, 1.6, 1.10),
        new("AM12", "Gooi- en Vechtstreek", 120, 1.30, 0.75, 0.6, 0.90),
        new("AM13", "Midden-Utrecht", 620, 1.55, 0.85, 0.5, 0.95),
        new("AM14", "Amersfoort", 150, 1.30, 0.90, 0.8, 0.90),
        new("AM15", "Noord-Holland Noord", 280, 0.60, 1.10, 1.9, 1.00),
        new("AM17", "Zaanstreek/Waterland", 130, 0.70, 1.05, 0.9, 1.05),
        new("AM18", "Groot Amsterdam", 900, 1.80, 0.75, 0.3, 1.15),
        new("AM19", "Holland Rijnland", 230, 0.95, 1.00, 1.3, 0.95),
        new("AM20", "Midden-Holland", 120, 0.70, 1.05, 1.3, 0.95),
        new("AM21", "Haaglanden", 500, 1.35, 0.80, 0.7, 1.15),
        new("AM22", "Rijnmond", 720, 0.95, 1.20, 0.6, 1.20),
        new("AM23", "Drechtsteden", 130, 0.65, 1.35, 0.5, 1.05),
        new("AM24", "Zeeland", 165, 0.40, 1.35, 2.2, 0.95),
        new("AM25", "West-Brabant", 330, 0.70, 1.15, 1.5, 1.00),
        new("AM26", "Midden-Brabant", 230, 0.85, 1.05, 1.1, 1.00),
        new("AM27", "Noordoost-Brabant", 330, 0.90, 1.20, 1.6, 0.90),
        new("AM28", "Zuidoost-Brabant", 400, 1.40, 1.45, 0.9, 0.95),
        new("AM29", "Noord-Limburg", 150, 0.50, 1.20, 2.4, 0.85),
        new("AM30", "Zuid-Limburg", 280, 0.75, 1.10, 0.7, 1.25),
        new("AM32", "Helmond-De Peel", 130, 0.65, 1.50, 1.5, 0.95),
        new("AM33", "Midden-Limburg", 110, 0.50, 1.25, 1.6, 1.00),
        new("AM34", "Zuid-Holland Centraal", 100, 0.75, 1.00, 1.6, 0.90),
        new("AM35", "Gorinchem", 55, 0.45, 1.30, 1.7, 0.85),
        new("AM36", "Regio Zwolle", 250, 0.80, 1.15, 1.5, 0.90),
        new("AM37", "Zuid-Kennemerland en IJmond", 180, 0.95, 1.15, 0.8, 1.00),
        new("AM38", "Food Valley", 180, 0.75, 1.05, 2.3, 0.90),
    ];

    public static readonly string[] Beroepsklassen = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13"];
}
