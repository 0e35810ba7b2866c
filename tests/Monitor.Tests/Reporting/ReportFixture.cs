// A small but complete hand-made warehouse for the report tests: the mart tables exactly as the mart
// contract defines them, filled with figures anchored on the published numbers in DOMAIN.md. The full
// fixture also has the tables of issue 13 (ref.doelen, ref.bedrijfstakken, the provisional column,
// pillar 3 and 4 indicators, mart.acties, mart.actie_indicatoren, meta.datasets); with pillars34: false
// it is a warehouse from before them, for the graceful-degradation tests.
using Dapper;
using Monitor.Warehouse;

namespace Monitor.Tests.Reporting;

public static class ReportFixture
{
    public const string TpmVintage = "2024-05-01", PredictVintage = "2024-06-01", UwvVintage = "2024-02-15", RoaVintage = "2022-01-15";
    public const string CbsVintage = "2024-03-15", ProgrammaVintage = "2023-12-15";

    sealed record Row(string Indicator, string Domain, string Period, string PeriodType, int PeriodOrder, string Region, string RegionLevel,
        string? Category, double? Value, string Unit, double? Target, string Status, string? Label, double? Numerator, double? Denominator,
        string Source, string Vintage, bool? Provisional = null);

    /// <summary>Creates &lt;dir&gt;/warehouse.duckdb with the fixture and returns its path.</summary>
    public static string Create(string dir, bool pillars34 = true)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "warehouse.duckdb");
        using var db = WarehouseDb.OpenForWrite(path);
        var c = db.Connection;
        c.Execute("""
            CREATE TABLE IF NOT EXISTS mart.indicator_values (
                indicator VARCHAR, domain VARCHAR, period VARCHAR, period_type VARCHAR, period_order INTEGER, region VARCHAR,
                region_level VARCHAR, category VARCHAR, value DOUBLE, unit VARCHAR, target DOUBLE, status VARCHAR, label VARCHAR,
                numerator DOUBLE, denominator DOUBLE, source VARCHAR, vintage DATE, as_of DATE);
            CREATE TABLE IF NOT EXISTS mart.indicator_catalogue (
                code VARCHAR, naam VARCHAR, beschrijving VARCHAR, pijler INTEGER, unit VARCHAR, formule VARCHAR, bron VARCHAR,
                definitie VARCHAR, doelregel VARCHAR);
            CREATE TABLE IF NOT EXISTS meta.check_results (
                run_id VARCHAR, check_name VARCHAR, severity VARCHAR, status VARCHAR, failing_rows BIGINT, sample VARCHAR,
                description VARCHAR, checked_at TIMESTAMP);
            """);
        if (pillars34)
            c.Execute("""
                ALTER TABLE mart.indicator_values ADD COLUMN provisional BOOLEAN;
                CREATE TABLE IF NOT EXISTS ref.doelen (
                    indicator VARCHAR, domain VARCHAR, region VARCHAR, category VARCHAR, soort VARCHAR, waarde DOUBLE,
                    basisjaar INTEGER, doeljaar INTEGER, bron VARCHAR, line_number INTEGER, origin VARCHAR);
                CREATE TABLE IF NOT EXISTS ref.bedrijfstakken (code VARCHAR, naam VARCHAR, domein VARCHAR);
                CREATE TABLE IF NOT EXISTS mart.acties (
                    actie_id VARCHAR, pijler INTEGER, maatregel VARCHAR, eigenaar VARCHAR, status VARCHAR, start DATE,
                    gepland_gereed DATE, gereed DATE, achter_schema BOOLEAN, op_schema BOOLEAN, indicatoren VARCHAR[],
                    vintage DATE, extract_id INTEGER);
                CREATE TABLE IF NOT EXISTS mart.actie_indicatoren (actie_id VARCHAR, indicator VARCHAR, domain VARCHAR, vintage DATE);
                CREATE TABLE IF NOT EXISTS meta.datasets (source VARCHAR, dataset VARCHAR, supplier VARCHAR, frequency VARCHAR);
                """);

        using (var tx = c.BeginTransaction())
        {
            c.Execute(pillars34
                ? """
                  INSERT INTO mart.indicator_values VALUES ($Indicator, $Domain, $Period, $PeriodType, $PeriodOrder, $Region, $RegionLevel,
                      $Category, $Value, $Unit, $Target, $Status, $Label, $Numerator, $Denominator, $Source, CAST($Vintage AS DATE), NULL, $Provisional)
                  """
                : """
                  INSERT INTO mart.indicator_values VALUES ($Indicator, $Domain, $Period, $PeriodType, $PeriodOrder, $Region, $RegionLevel,
                      $Category, $Value, $Unit, $Target, $Status, $Label, $Numerator, $Denominator, $Source, CAST($Vintage AS DATE), NULL)
                  """, Rows(pillars34), tx);
            c.Execute("INSERT INTO mart.indicator_catalogue VALUES ($code, $naam, $beschrijving, $pijler, $unit, $formule, $bron, $definitie, $doelregel)",
                Catalogue(pillars34), tx);
            Meta(c, tx);
            if (pillars34) Pillars34Tables(c, tx);
            tx.Commit();
        }
        return path;
    }

    static IEnumerable<Row> Rows(bool pillars34)
    {
        var rows = new List<Row>();
        void Year(string ind, string dom, int y, string region, string? cat, double? v, string unit, string source, double? target = null,
            string status = "no_target", double? num = null, double? den = null, string? label = null)
        {
            var level = region == "NL" ? "nl" : region.StartsWith("PV") ? "provincie" : "techniekpactregio";
            rows.Add(new Row(ind, dom, y.ToString(), "year", y, region, level, cat, v, unit, target, status, label, num, den,
                source, source == "pr-eDICT" ? PredictVintage : TpmVintage));
        }

        // Pillar 2, ICT (pr-eDICT), national.
        var ict = new Dictionary<int, double> { [2019] = 560_000, [2020] = 578_000, [2021] = 603_000, [2022] = 673_000, [2023] = 670_000 };
        // With the register: werkzaam ICT against the straight path from 673.000 (2022) to 1.000.000 (2030),
        // +40.875 a year, so 713.875 in 2023 (behind); the norm of 60.000 holds from its base year 2022.
        foreach (var (y, v) in ict)
        {
            double? path = pillars34 && y > 2022 ? 673_000 + (1_000_000 - 673_000) / 8.0 * (y - 2022) : null;
            Year("werkzaam", "ict", y, "NL", null, v, "aantal", "pr-eDICT", path, path is { } p ? (v >= p ? "on_track" : "behind") : "no_target");
        }
        foreach (var y in new[] { 2020, 2021, 2022, 2023 })
        {
            var g = ict[y] - ict[y - 1];
            if (pillars34 && y < 2022) Year("nettogroei", "ict", y, "NL", null, g, "aantal", "pr-eDICT");
            else Year("nettogroei", "ict", y, "NL", null, g, "aantal", "pr-eDICT", 60_000, g >= 60_000 ? "on_track" : "behind");
            Year("groeitekort", "ict", y, "NL", null, 60_000 - g, "aantal", "pr-eDICT", 0, 60_000 - g <= 0 ? "on_track" : "behind");
            Year("benodigd_tempo", "ict", y, "NL", null, (1_000_000 - ict[y]) / (2030 - y), "aantal", "pr-eDICT");
        }
        Year("jaar_een_miljoen", "ict", 2023, "NL", null, 2034, "jaar", "pr-eDICT");

        var inflow = new Dictionary<int, (double Zij, double Onderwijs, double Buitenland, double Uitkering)>
        {
            [2021] = (32_000, 22_000, 21_000, 20_000),
            [2022] = (39_600, 24_200, 24_200, 22_000),
            [2023] = (38_000, 23_000, 21_000, 18_000),
        };
        var outflow = new Dictionary<int, (double AnderWerk, double Pensioen, double Uitkering, double Buitenland, double Overig)>
        {
            [2021] = (16_000, 8_000, 6_000, 6_000, 5_000),
            [2022] = (18_000, 9_000, 6_000, 7_000, 5_000),
            [2023] = (21_000, 10_000, 8_000, 8_000, 5_000),
        };
        foreach (var (y, f) in inflow)
        {
            var total = f.Zij + f.Onderwijs + f.Buitenland + f.Uitkering;
            Year("instroom", "ict", y, "NL", null, total, "aantal", "pr-eDICT");
            Year("instroom", "ict", y, "NL", "zij_instroom", f.Zij, "aantal", "pr-eDICT");
            Year("instroom", "ict", y, "NL", "onderwijs", f.Onderwijs, "aantal", "pr-eDICT");
            Year("instroom", "ict", y, "NL", "buitenland", f.Buitenland, "aantal", "pr-eDICT");
            Year("instroom", "ict", y, "NL", "uitkering", f.Uitkering, "aantal", "pr-eDICT");
            Year("zij_instroom", "ict", y, "NL", null, f.Zij, "aantal", "pr-eDICT");
            Year("zij_instroom_aandeel", "ict", y, "NL", null, 100 * f.Zij / total, "procent", "pr-eDICT", num: f.Zij, den: total);
            var o = outflow[y];
            var outTotal = o.AnderWerk + o.Pensioen + o.Uitkering + o.Buitenland + o.Overig;
            Year("uitstroom", "ict", y, "NL", null, outTotal, "aantal", "pr-eDICT");
            Year("uitstroom", "ict", y, "NL", "ander_werk", o.AnderWerk, "aantal", "pr-eDICT");
            Year("uitstroom", "ict", y, "NL", "pensioen", o.Pensioen, "aantal", "pr-eDICT");
            Year("uitstroom", "ict", y, "NL", "uitkering", o.Uitkering, "aantal", "pr-eDICT");
            Year("uitstroom", "ict", y, "NL", "buitenland", o.Buitenland, "aantal", "pr-eDICT");
            Year("uitstroom", "ict", y, "NL", "overig", o.Overig, "aantal", "pr-eDICT");
            Year("saldo_stromen", "ict", y, "NL", null, total - outTotal, "aantal", "pr-eDICT");
            Year("behoud", "ict", y, "NL", null, 100 * (1 - outTotal / ict[y - 1]), "procent", "pr-eDICT", num: outTotal, den: ict[y - 1]);
        }

        // Pillar 2, ICT in Noord-Holland (PV27) and Groningen (PV20).
        Year("werkzaam", "ict", 2022, "PV27", null, 160_000, "aantal", "pr-eDICT");
        Year("werkzaam", "ict", 2023, "PV27", null, 162_000, "aantal", "pr-eDICT");
        Year("nettogroei", "ict", 2023, "PV27", null, 2_000, "aantal", "pr-eDICT");
        Year("instroom", "ict", 2023, "PV27", null, 25_000, "aantal", "pr-eDICT");
        Year("instroom", "ict", 2023, "PV27", "zij_instroom", 10_000, "aantal", "pr-eDICT");
        Year("instroom", "ict", 2023, "PV27", "onderwijs", 6_000, "aantal", "pr-eDICT");
        Year("instroom", "ict", 2023, "PV27", "buitenland", 6_000, "aantal", "pr-eDICT");
        Year("instroom", "ict", 2023, "PV27", "uitkering", 3_000, "aantal", "pr-eDICT");
        Year("zij_instroom", "ict", 2023, "PV27", null, 10_000, "aantal", "pr-eDICT");
        Year("zij_instroom_aandeel", "ict", 2023, "PV27", null, 40, "procent", "pr-eDICT", num: 10_000, den: 25_000);
        Year("uitstroom", "ict", 2023, "PV27", null, 23_000, "aantal", "pr-eDICT");
        Year("uitstroom", "ict", 2023, "PV27", "ander_werk", 9_000, "aantal", "pr-eDICT");
        Year("uitstroom", "ict", 2023, "PV27", "pensioen", 5_000, "aantal", "pr-eDICT");
        Year("uitstroom", "ict", 2023, "PV27", "uitkering", 3_000, "aantal", "pr-eDICT");
        Year("uitstroom", "ict", 2023, "PV27", "buitenland", 4_000, "aantal", "pr-eDICT");
        Year("uitstroom", "ict", 2023, "PV27", "overig", 2_000, "aantal", "pr-eDICT");
        Year("saldo_stromen", "ict", 2023, "PV27", null, 2_000, "aantal", "pr-eDICT");
        Year("behoud", "ict", 2023, "PV27", null, 100 * (1 - 23_000 / 160_000.0), "procent", "pr-eDICT", num: 23_000, den: 160_000);
        Year("werkzaam", "ict", 2023, "PV20", null, 21_500, "aantal", "pr-eDICT");
        Year("werkzaam", "techniek", 2023, "PV27", null, 330_000, "aantal", "Techniekpactmonitor");

        // Pillar 2, the technical workforce (Techniekpactmonitor, broad, ICT included), national.
        var tech = new Dictionary<int, double> { [2019] = 1_700_000, [2020] = 1_730_000, [2021] = 1_790_000, [2022] = 1_850_000, [2023] = 1_880_000 };
        foreach (var (y, v) in tech) Year("werkzaam", "techniek", y, "NL", null, v, "aantal", "Techniekpactmonitor");
        foreach (var y in new[] { 2020, 2021, 2022, 2023 }) Year("nettogroei", "techniek", y, "NL", null, tech[y] - tech[y - 1], "aantal", "Techniekpactmonitor");
        foreach (var (y, inTotal, zij, outTotal) in new[] { (2022, 150_000.0, 50_000.0, 90_000.0), (2023, 140_000.0, 49_000.0, 110_000.0) })
        {
            Year("instroom", "techniek", y, "NL", null, inTotal, "aantal", "Techniekpactmonitor");
            Year("zij_instroom", "techniek", y, "NL", null, zij, "aantal", "Techniekpactmonitor");
            Year("zij_instroom_aandeel", "techniek", y, "NL", null, 100 * zij / inTotal, "procent", "Techniekpactmonitor", num: zij, den: inTotal);
            Year("uitstroom", "techniek", y, "NL", null, outTotal, "aantal", "Techniekpactmonitor");
            Year("saldo_stromen", "techniek", y, "NL", null, inTotal - outTotal, "aantal", "Techniekpactmonitor");
            Year("behoud", "techniek", y, "NL", null, 100 * (1 - outTotal / tech[y - 1]), "procent", "Techniekpactmonitor", num: outTotal, den: tech[y - 1]);
        }

        // Pillar 1: education (school years), national and Techniekpact region Noordvleugel (TP3).
        void School(string ind, string dom, int start, string region, string? cat, double? v, string unit, string source,
            double? num = null, double? den = null)
        {
            var level = region == "NL" ? "nl" : region.StartsWith("PV") ? "provincie" : "techniekpactregio";
            rows.Add(new Row(ind, dom, $"{start}/{start + 1}", "school_year", start, region, level, cat, v, unit, null, "no_target", null, num, den,
                source, source == "pr-eDICT" ? PredictVintage : TpmVintage));
        }
        var levels = new (string Level, double Entrants2023, double Share)[]
            { ("vmbo", 40_000, 38), ("havo", 25_000, 45), ("vwo", 20_000, 52), ("mbo", 45_000, 27), ("hbo", 30_000, 24), ("wo", 15_000, 29) };
        var scale = new Dictionary<int, double> { [2019] = 0.94, [2020] = 0.96, [2021] = 0.98, [2022] = 0.99, [2023] = 1.0 };
        foreach (var (start, f) in scale)
        {
            var total = 0.0;
            foreach (var l in levels)
            {
                var n = Math.Round(l.Entrants2023 * f);
                total += n;
                School("onderwijs_instroom", "techniek", start, "NL", l.Level, n, "aantal", "Techniekpactmonitor");
            }
            School("onderwijs_instroom", "techniek", start, "NL", null, total, "aantal", "Techniekpactmonitor");
            School("aandeel_vrouwen", "techniek", start, "NL", null, 24 + (start - 2019) * 0.75, "procent", "Techniekpactmonitor");
            School("aandeel_vrouwen", "ict", start, "NL", null, 18 + (start - 2019) * 0.75, "procent", "pr-eDICT");
            School("ict_opleiding_instroom", "ict", start, "NL", "ict", 20_000 + (start - 2019) * 1_000, "aantal", "pr-eDICT");
            School("ict_opleiding_instroom", "ict", start, "NL", "hybride", 8_000 + (start - 2019) * 625, "aantal", "pr-eDICT");
            School("ict_opleiding_instroom", "ict", start, "NL", null, 28_000 + (start - 2019) * 1_625, "aantal", "pr-eDICT");
        }
        foreach (var l in levels)
            School("aandeel_betatechniek", "techniek", 2023, "NL", l.Level, l.Share, "procent", "Techniekpactmonitor");
        School("aandeel_betatechniek", "techniek", 2023, "NL", null, 31.5, "procent", "Techniekpactmonitor");
        School("onderwijs_ingeschreven", "techniek", 2023, "NL", null, 600_000, "aantal", "Techniekpactmonitor");
        School("gediplomeerden", "techniek", 2023, "NL", null, 120_000, "aantal", "Techniekpactmonitor");
        School("onderwijs_instroom", "techniek", 2022, "TP3", null, 50_500, "aantal", "Techniekpactmonitor");
        School("onderwijs_instroom", "techniek", 2023, "TP3", null, 52_000, "aantal", "Techniekpactmonitor");
        School("onderwijs_instroom", "techniek", 2023, "TP3", "mbo", 13_000, "aantal", "Techniekpactmonitor");
        School("aandeel_vrouwen", "techniek", 2023, "TP3", null, 28, "procent", "Techniekpactmonitor");
        School("ict_opleiding_instroom", "ict", 2023, "PV27", "ict", 5_200, "aantal", "pr-eDICT");
        School("ict_opleiding_instroom", "ict", 2023, "PV27", "hybride", 2_100, "aantal", "pr-eDICT");
        School("ict_opleiding_instroom", "ict", 2023, "PV27", null, 7_300, "aantal", "pr-eDICT");

        // Hybrid teachers: 640 against a target of 1.000.
        foreach (var (y, vmbo, mbo, hbo) in new[] { (2021, 80.0, 220.0, 120.0), (2022, 100.0, 260.0, 150.0), (2023, 120.0, 330.0, 190.0) })
        {
            Year("hybride_docenten", "techniek", y, "NL", "vmbo", vmbo, "aantal", "Techniekpactmonitor");
            Year("hybride_docenten", "techniek", y, "NL", "mbo", mbo, "aantal", "Techniekpactmonitor");
            Year("hybride_docenten", "techniek", y, "NL", "hbo", hbo, "aantal", "Techniekpactmonitor");
            Year("hybride_docenten", "techniek", y, "NL", null, vmbo + mbo + hbo, "aantal", "Techniekpactmonitor", 1_000, "behind");
        }

        // UWV: eight quarters nationally, all 35 labour-market regions in the latest quarter.
        void Quarter(string dom, int year, int q, string region, string level, double vac, double? ww, string status = "no_target")
        {
            var period = $"{year}KW{q}";
            var order = year * 10 + q;
            rows.Add(new Row("openstaande_vacatures", dom, period, "quarter", order, region, level, null, vac, "aantal", null, "no_target", null, null, null, "UWV", UwvVintage));
            rows.Add(new Row("ww_kort", dom, period, "quarter", order, region, level, null, ww, "aantal", null, ww is null ? "incomplete" : "no_target", null, null, null, "UWV", UwvVintage));
            double? ratio = ww is { } w ? vac / w : null;
            rows.Add(new Row("spanningsindicator", dom, period, "quarter", order, region, level, null, ratio, "ratio", null,
                ww is null ? "incomplete" : status, ratio is { } r ? Typering(r) : null, vac, ww, "UWV", UwvVintage));
        }
        var quarters = new[] { (2022, 1), (2022, 2), (2022, 3), (2022, 4), (2023, 1), (2023, 2), (2023, 3), (2023, 4) };
        var techVac = new[] { 80_000.0, 86_250, 88_000, 87_000, 85_000, 84_000, 82_000, 80_000 };
        var techWw = new[] { 19_000.0, 18_500, 18_000, 18_300, 19_500, 19_000, 19_800, 20_000 };
        var ictVac = new[] { 33_000.0, 35_950, 36_500, 35_000, 33_000, 31_000, 29_000, 27_500 };
        var ictWw = new[] { 12_000.0, 12_500, 13_000, 13_500, 14_000, 14_500, 15_000, 16_000 };
        for (var i = 0; i < quarters.Length; i++)
        {
            Quarter("techniek", quarters[i].Item1, quarters[i].Item2, "NL", "nl", techVac[i], techWw[i]);
            Quarter("ict", quarters[i].Item1, quarters[i].Item2, "NL", "nl", ictVac[i], ictWw[i]);
        }
        Quarter("totaal", 2022, 4, "NL", "nl", 418_900, 88_200);
        Quarter("totaal", 2023, 1, "NL", "nl", 432_900, 100_300);
        var regions = Monitor.Reporting.Data.RegionCatalog.Shared.Arbeidsmarktregios;
        for (var i = 0; i < regions.Count; i++)
        {
            var code = regions[i].Code;
            if (code == "AM18") continue;
            Quarter("techniek", 2023, 4, code, "arbeidsmarktregio", 1_000 + 100 * i, 300 + 20 * i);
            Quarter("ict", 2023, 4, code, "arbeidsmarktregio", 300 + 40 * i, code == "AM24" ? null : 200 + 10 * i);
        }
        // Groot Amsterdam over two quarters, and Noord-Holland as a province.
        Quarter("techniek", 2023, 3, "AM18", "arbeidsmarktregio", 6_000, 1_250);
        Quarter("techniek", 2023, 4, "AM18", "arbeidsmarktregio", 6_200, 1_240);
        Quarter("ict", 2023, 3, "AM18", "arbeidsmarktregio", 4_300, 1_550);
        Quarter("ict", 2023, 4, "AM18", "arbeidsmarktregio", 4_100, 1_600);
        Quarter("techniek", 2023, 4, "PV27", "provincie", 14_000, 3_000);
        Quarter("ict", 2023, 4, "PV27", "provincie", 7_000, 3_500);

        // ROA forecasts 2021-2026.
        void Roa(string ind, string dom, double? v, string unit, string? label = null) =>
            rows.Add(new Row(ind, dom, "2021-2026", "forecast_period", 2021, "NL", "nl", null, v, unit, null, "no_target", label, null, null, "ROA", RoaVintage));
        foreach (var (dom, openings, leavers) in new[] { ("techniek", 210_900.0, 150_000.0), ("ict", 58_300.0, 40_000.0), ("totaal", 2_350_000.0, 2_100_000.0) })
        {
            Roa("baanopeningen", dom, openings, "aantal");
            Roa("instroom_schoolverlaters", dom, leavers, "aantal");
            Roa("verwacht_tekort", dom, openings - leavers, "aantal");
        }
        Roa("roa_knelpunt", "techniek", 1.35, "ratio", "groot");
        Roa("roa_knelpunt", "ict", 1.52, "ratio", "zeer groot");
        if (pillars34) Pillars34Rows(rows);
        return rows;
    }

    /// <summary>
    /// Pillar 3: CBS productivity growth 2018-2023 (2022 nader voorlopig, 2023 voorlopig), targets for the years
    /// after base year 2021. Whole economy 2023: 1,9 against 1,8, on course. Industries 2023 against their own
    /// lines: C 2,6/2,3 on course, D 0,2/1,4 behind, F 0,7/1,1 behind, J 3,5/3,9 behind, G 2,2/1,7 on course.
    /// </summary>
    public static readonly (string Code, double[] Values, double[] Targets)[] Productivity =
    [
        ("", [1.2, 0.9, -0.5, 2.9, -0.3, 1.9], [1.8, 1.8]),
        ("C", [0.2, 0.6, -1.0, 4.0, 0.4, 2.6], [2.3, 2.3]),
        ("D", [2.0, 0.5, 1.1, -2.0, 3.1, 0.2], [1.4, 1.4]),
        ("F", [0.9, 1.4, 0.5, 0.3, -1.2, 0.7], [1.1, 1.1]),
        ("J", [3.3, 2.7, 3.0, 4.2, 2.8, 3.5], [3.9, 3.9]),
        ("G", [1.1, 0.4, 0.8, 1.0, 0.9, 2.2], [1.7, 1.7]),
    ];

    static void Pillars34Rows(List<Row> rows)
    {
        foreach (var (code, values, targets) in Productivity)
            for (var i = 0; i < values.Length; i++)
            {
                var y = 2018 + i;
                double? target = y > 2021 ? targets[y - 2022] : null;
                var status = target is { } t ? (values[i] >= t ? "on_track" : "behind") : "no_target";
                rows.Add(new Row("arbeidsproductiviteit_groei", "totaal", y.ToString(), "year", y, "NL", "nl", code == "" ? null : code, values[i], "procent",
                    target, status, null, null, null, "CBS", CbsVintage, Provisional: y >= 2022));
            }

        // Pillar 4: the action register of 2023-12-15 (see Pillars34Tables): 7 actions, 2 behind (A02 vertraagd, A04 past its
        // planned date), A06 stopped; on schedule 4 of the 6 not stopped = 66,7%. The quarter before: 5 of 6.
        void Quarterly(string ind, int q, string? cat, double value, string unit, double? num = null, double? den = null) =>
            rows.Add(new Row(ind, "totaal", $"2023KW{q}", "quarter", 20230 + q, "NL", "nl", cat, value, unit, null, "no_target", null, num, den,
                "Programmabureau", q == 4 ? ProgrammaVintage : "2023-09-15"));
        Quarterly("acties", 4, null, 7, "aantal");
        Quarterly("acties_afgerond", 4, null, 1, "aantal");
        Quarterly("acties_achter_schema", 4, null, 2, "aantal");
        Quarterly("aandeel_acties_op_schema", 4, null, 100 * 4 / 6.0, "procent", 4, 6);
        Quarterly("aandeel_acties_op_schema", 4, "pijler1", 50, "procent", 1, 2);
        Quarterly("aandeel_acties_op_schema", 4, "pijler2", 50, "procent", 1, 2);
        Quarterly("aandeel_acties_op_schema", 4, "pijler3", 100, "procent", 1, 1);
        Quarterly("aandeel_acties_op_schema", 4, "pijler4", 100, "procent", 1, 1);
        Quarterly("aandeel_acties_op_schema", 3, null, 100 * 5 / 6.0, "procent", 5, 6);
        Quarterly("aandeel_acties_op_schema", 3, "pijler1", 100, "procent", 2, 2);
        Quarterly("aandeel_acties_op_schema", 3, "pijler2", 50, "procent", 1, 2);
        Quarterly("aandeel_acties_op_schema", 3, "pijler3", 100, "procent", 2, 2);

        // Meetings per year: koersoverleg 2 in 2022 (behind the minimum of 3), 3 in 2023 (on course); attendance summed
        // over the meetings: koersoverleg 20/25 = 80% and 51/60 = 85%, kerngroep pijler 1 27/36 = 75% and 35/40 = 87,5%,
        // DG-overleg 10/12 = 83,3% and 17/18 = 94,4%.
        foreach (var (type, y, count, present, invited) in new[]
                 {
                     ("koersoverleg", 2022, 2.0, 20.0, 25.0), ("koersoverleg", 2023, 3.0, 51.0, 60.0),
                     ("kerngroep_pijler1", 2022, 3.0, 27.0, 36.0), ("kerngroep_pijler1", 2023, 4.0, 35.0, 40.0),
                     ("dg_overleg", 2022, 2.0, 10.0, 12.0), ("dg_overleg", 2023, 3.0, 17.0, 18.0),
                 })
        {
            double? target = type == "koersoverleg" ? 3 : null;
            rows.Add(new Row("overleggen", "totaal", y.ToString(), "year", y, "NL", "nl", type, count, "aantal", target,
                target is { } t ? (count >= t ? "on_track" : "behind") : "no_target", null, null, null, "Programmabureau", ProgrammaVintage));
            rows.Add(new Row("aanwezigheid", "totaal", y.ToString(), "year", y, "NL", "nl", type, 100 * present / invited, "procent", null,
                "no_target", null, present, invited, "Programmabureau", ProgrammaVintage));
        }
    }

    public static readonly (string Id, int Pijler, string Maatregel, string Eigenaar, string Status, string Start, string Gepland, string? Gereed,
        bool Achter, bool Op, string[] Links)[] Actions =
    [
        ("A01", 1, "Sterk techniekonderwijs en techniekpromotie", "OCW", "in_uitvoering", "2023-03-01", "2025-12-31", null, false, true, []),
        ("A02", 1, "Hybride docenten: 1.000 opleiden en beschikbaar stellen", "OCW", "vertraagd", "2023-03-01", "2024-12-31", null, true, false, ["hybride_docenten"]),
        ("A03", 2, "STAP-budget gericht op techniek en ICT", "SZW", "afgerond", "2023-01-01", "2023-09-30", "2023-09-15", false, true, ["nettogroei:ict"]),
        ("A04", 2, "Matching via de nieuwe arbeidsmarktinfrastructuur", "SZW", "in_uitvoering", "2023-02-01", "2023-10-31", null, true, false,
            ["werkzaam:ict", "nettogroei:ict"]),
        ("A05", 3, "Productiviteitsoffensief met Aanjaagteam", "werkgevers", "in_uitvoering", "2023-04-01", "2025-06-30", null, false, true, ["arbeidsproductiviteit_groei"]),
        ("A06", 3, "Versnelling Digitalisering mkb", "EZK", "gestopt", "2023-01-01", "2024-06-30", null, false, false, ["arbeidsproductiviteit_groei"]),
        ("A07", 4, "Eén landelijke monitor", "EZK", "gepland", "2024-01-01", "2024-12-31", null, false, true, ["overleggen"]),
    ];

    public static readonly (string Code, string Naam, string Domein)[] Industries =
    [
        ("totaal", "Totaal economie", "totaal"), ("C", "Industrie", "techniek"), ("D", "Energievoorziening", "techniek"),
        ("F", "Bouwnijverheid", "techniek"), ("G", "Handel", "overig"), ("J", "Informatie en communicatie", "ict"),
    ];

    static void Pillars34Tables(System.Data.IDbConnection c, System.Data.IDbTransaction tx)
    {
        var line = 1;
        foreach (var (indicator, domain, category, soort, waarde, basis, doel) in new (string, string, string?, string, double, int?, int?)[]
                 {
                     ("werkzaam", "ict", null, "pad", 1_000_000, 2022, 2030), ("nettogroei", "ict", null, "minimum", 60_000, 2022, null),
                     ("groeitekort", "ict", null, "maximum", 0, 2022, null), ("hybride_docenten", "techniek", null, "minimum", 1_000, null, null),
                     ("arbeidsproductiviteit_groei", "totaal", null, "boven_basis", 1.0, 2021, null),
                     ("arbeidsproductiviteit_groei", "totaal", "*", "boven_basis", 1.0, 2021, null),
                     ("overleggen", "totaal", "koersoverleg", "minimum", 3, 2022, null),
                 })
            c.Execute("INSERT INTO ref.doelen VALUES ($indicator, $domain, 'NL', $category, $soort, $waarde, $basis, $doel, 'fixture', $line, 'reference/doelen.csv')",
                new { indicator, domain, category, soort, waarde, basis, doel, line = ++line }, tx);
        foreach (var (code, naam, domein) in Industries)
            c.Execute("INSERT INTO ref.bedrijfstakken VALUES ($code, $naam, $domein)", new { code, naam, domein }, tx);
        foreach (var a in Actions)
        {
            c.Execute("""
                INSERT INTO mart.acties VALUES ($Id, $Pijler, $Maatregel, $Eigenaar, $Status, CAST($Start AS DATE), CAST($Gepland AS DATE),
                    CAST($Gereed AS DATE), $Achter, $Op, CASE WHEN $Links = '' THEN []::VARCHAR[] ELSE string_split($Links, ',') END,
                    CAST($Vintage AS DATE), 12)
                """, new { a.Id, a.Pijler, a.Maatregel, a.Eigenaar, a.Status, a.Start, a.Gepland, a.Gereed, a.Achter, a.Op, Links = string.Join(",", a.Links), Vintage = ProgrammaVintage }, tx);
            foreach (var link in a.Links)
            {
                var parts = link.Split(':');
                c.Execute("INSERT INTO mart.actie_indicatoren VALUES ($Id, $indicator, $domain, CAST($Vintage AS DATE))",
                    new { a.Id, indicator = parts[0], domain = parts.Length > 1 ? parts[1] : null, Vintage = ProgrammaVintage }, tx);
            }
        }
        // A warehouse made by the migrations has meta.datasets filled from the declarations already; a bare one gets these rows.
        if (c.ExecuteScalar<long>("SELECT count(*) FROM meta.datasets", transaction: tx) == 0)
            foreach (var (source, dataset, supplier, frequency) in new[]
                     {
                     ("tpm", "onderwijs", "Techniekpactmonitor", "yearly"), ("predict", "werkzaam", "pr-eDICT", "yearly"), ("uwv", "vacatures", "UWV", "quarterly"),
                     ("roa", "prognoses", "ROA", "biennial"), ("cbs", "arbeidsproductiviteit", "CBS", "yearly"),
                     ("programma", "acties", "Programmabureau", "quarterly"), ("programma", "overleggen", "Programmabureau", "quarterly"),
                 })
                c.Execute("INSERT INTO meta.datasets VALUES ($source, $dataset, $supplier, $frequency)", new { source, dataset, supplier, frequency }, tx);
        foreach (var (id, file, folder, source, dataset, vintage, rows) in new[]
                 {
                     (11, "cbs_arbeidsproductiviteit_2024-03-15.csv", "cbs", "cbs", "arbeidsproductiviteit", CbsVintage, 126L),
                     (12, "programma_acties_2023-12-15.csv", "programma", "programma", "acties", ProgrammaVintage, 7L),
                 })
            c.Execute("""
                INSERT INTO meta.extracts (extract_id, file_name, folder, source, dataset, vintage, sha256, size_bytes, encoding, line_ending,
                    rows_total, rows_loaded, rows_quarantined, state, reason, run_id, loaded_at)
                VALUES ($id, $file, $folder, $source, $dataset, CAST($vintage AS DATE), 'sha' || $id, 1000, 'utf-8', 'lf',
                    $rows, $rows, 0, 'loaded', NULL, '20240615T020000Z-a1b2', TIMESTAMP '2024-06-15 02:01:00')
                """, new { id, file, folder, source, dataset, vintage, rows }, tx);
    }

    public static string Typering(double ratio) => ratio switch
    {
        < 0.25 => "zeer ruim",
        < 0.67 => "ruim",
        < 1.5 => "gemiddeld",
        < 4 => "krap",
        _ => "zeer krap",
    };

    static IEnumerable<object> Catalogue(bool pillars34)
    {
        object E(string code, string naam, int pijler, string unit, string formule, string bron, string definitie, string? doel = null) =>
            new { code, naam, beschrijving = naam, pijler, unit, formule, bron, definitie, doelregel = doel };
        const string tpm = "Techniekpactmonitor: brede bètatechnische definitie, inclusief ICT";
        const string predict = "pr-eDICT: ICT-professionals volgens de definitie van de digitale economie";
        const string uwv = "UWV: beroepsklassen BRC 2014 (07 techniek, 08 ICT)";
        const string roa = "ROA: beroepsklassen BRC 2014 (07 techniek, 08 ICT)";
        return
        [
            E("onderwijs_instroom", "Instroom bètatechnisch onderwijs", 1, "aantal", "Som van instromers in richting bètatechniek", "Techniekpactmonitor", tpm),
            E("onderwijs_ingeschreven", "Ingeschreven bètatechnisch onderwijs", 1, "aantal", "Som van ingeschrevenen", "Techniekpactmonitor", tpm),
            E("gediplomeerden", "Gediplomeerden bètatechniek", 1, "aantal", "Som van gediplomeerden", "Techniekpactmonitor", tpm),
            E("aandeel_betatechniek", "Aandeel bètatechniek", 1, "procent", "Instroom bètatechniek / alle instroom × 100", "Techniekpactmonitor", tpm),
            E("aandeel_vrouwen", "Aandeel vrouwen in instroom", 1, "procent", "Instroom vrouwen / alle instroom × 100", "Techniekpactmonitor en pr-eDICT", tpm),
            E("ict_opleiding_instroom", "Instroom ICT- en hybride opleidingen", 1, "aantal", "Som van instromers type ict en hybride", "pr-eDICT", predict),
            E("hybride_docenten", "Hybride docenten", 1, "aantal", "Som over onderwijssoorten", "Techniekpactmonitor", tpm, "Op koers bij minimaal 1.000"),
            E("werkzaam", "Werkzamen", 2, "aantal", "Stand aan het eind van het jaar", "pr-eDICT en Techniekpactmonitor", predict),
            E("nettogroei", "Nettogroei", 2, "aantal", "Stand jaar t min stand jaar t-1", "pr-eDICT en Techniekpactmonitor", predict, "ICT: op koers bij minimaal 60.000 per jaar"),
            E("instroom", "Instroom", 2, "aantal", "Som van instroom naar herkomst", "pr-eDICT en Techniekpactmonitor", predict),
            E("zij_instroom", "Zij-instroom", 2, "aantal", "Instroom uit een ander beroep", "pr-eDICT en Techniekpactmonitor", predict),
            E("zij_instroom_aandeel", "Aandeel zij-instroom", 2, "procent", "Zij-instroom / instroom × 100", "pr-eDICT en Techniekpactmonitor", predict),
            E("uitstroom", "Uitstroom", 2, "aantal", "Som van uitstroom naar bestemming", "pr-eDICT en Techniekpactmonitor", predict),
            E("saldo_stromen", "Saldo stromen", 2, "aantal", "Instroom min uitstroom", "pr-eDICT en Techniekpactmonitor", predict),
            E("behoud", "Behoud", 2, "procent", "100 × (1 − uitstroom jaar t / stand eind jaar t-1)", "pr-eDICT en Techniekpactmonitor", predict),
            E("groeitekort", "Groeitekort ICT", 2, "aantal", "60.000 min nettogroei", "pr-eDICT", predict, "Op koers bij 0 of minder"),
            E("benodigd_tempo", "Benodigd tempo", 2, "aantal", "(1.000.000 − stand jaar t) / (2030 − t)", "pr-eDICT", predict),
            E("jaar_een_miljoen", "Jaar één miljoen", 2, "jaar", "Jaar waarin 1.000.000 bereikt wordt bij gemiddelde nettogroei laatste drie jaar", "pr-eDICT", predict),
            E("openstaande_vacatures", "Openstaande vacatures", 2, "aantal", "Vacatures open aan het eind van het kwartaal", "UWV", uwv),
            E("ww_kort", "WW korter dan half jaar", 2, "aantal", "Personen met WW korter dan zes maanden", "UWV", uwv),
            E("spanningsindicator", "Spanningsindicator", 2, "ratio", "Som vacatures / som WW korter dan half jaar", "UWV", uwv),
            E("baanopeningen", "Baanopeningen", 2, "aantal", "Uitbreidingsvraag (indien positief) + vervangingsvraag", "ROA", roa),
            E("instroom_schoolverlaters", "Instroom schoolverlaters", 2, "aantal", "Verwachte instroom van schoolverlaters", "ROA", roa),
            E("verwacht_tekort", "Verwacht tekort", 2, "aantal", "Baanopeningen min instroom schoolverlaters", "ROA", roa),
            E("roa_knelpunt", "Knelpuntindicator ROA", 2, "ratio", "ITKP met typering", "ROA", roa),
            .. (pillars34 ? Pillars34Catalogue() : Enumerable.Empty<object>()),
        ];

        IEnumerable<object> Pillars34Catalogue()
        {
            const string cbs = "CBS: nationale rekeningen, SBI 2008";
            const string programma = "Programmabureau: actieregister en overleggen";
            yield return E("arbeidsproductiviteit_groei", "Arbeidsproductiviteit", 3, "procent", "Volumemutatie toegevoegde waarde per gewerkt uur", "CBS", cbs);
            yield return E("acties", "Acties in het register", 4, "aantal", "Aantal acties", "Programmabureau", programma);
            yield return E("acties_afgerond", "Acties afgerond", 4, "aantal", "Aantal afgeronde acties", "Programmabureau", programma);
            yield return E("acties_achter_schema", "Acties achter schema", 4, "aantal", "Aantal acties achter schema", "Programmabureau", programma);
            yield return E("aandeel_acties_op_schema", "Aandeel acties op schema", 4, "procent", "Op schema / niet gestopt × 100", "Programmabureau", programma);
            yield return E("overleggen", "Overleggen", 4, "aantal", "Aantal gehouden overleggen", "Programmabureau", programma);
            yield return E("aanwezigheid", "Aanwezigheid", 4, "procent", "Som aanwezig / som genodigd × 100", "Programmabureau", programma);
        }
    }

    static void Meta(System.Data.IDbConnection c, System.Data.IDbTransaction tx)
    {
        c.Execute("""
            INSERT INTO meta.runs (run_id, trigger, started_at, ended_at, status, as_of, data_dir, bad_row_threshold, files_seen)
            VALUES ('20240615T020000Z-a1b2', 'schedule', TIMESTAMP '2024-06-15 02:00:00', TIMESTAMP '2024-06-15 02:03:10',
                    'succeeded_with_warnings', NULL, 'sample-data', 0.05, 10)
            """, transaction: tx);
        var extracts = new (int Id, string File, string Folder, string Source, string Dataset, string Vintage, long Rows, long Quarantined, string State, string? Reason)[]
        {
            (1, "tpm_onderwijs_2024-05-01.csv", "techniekpact", "tpm", "onderwijs", TpmVintage, 1_440, 0, "loaded", null),
            (2, "tpm_werkzaam_2024-05-01.csv", "techniekpact", "tpm", "werkzaam", TpmVintage, 130, 0, "loaded", null),
            (3, "tpm_stromen_2024-05-01.csv", "techniekpact", "tpm", "stromen", TpmVintage, 650, 0, "loaded", null),
            (4, "tpm_docenten_2024-05-01.csv", "techniekpact", "tpm", "docenten", TpmVintage, 9, 0, "loaded", null),
            (5, "predict_werkzaam_2024-06-01.csv", "predict", "predict", "werkzaam", PredictVintage, 130, 0, "loaded", null),
            (6, "predict_stromen_2024-06-01.csv", "predict", "predict", "stromen", PredictVintage, 650, 2, "loaded", null),
            (7, "predict_onderwijs_2024-06-01.csv", "predict", "predict", "onderwijs", PredictVintage, 720, 0, "loaded", null),
            (8, "uwv_vacatures_2024-02-15.csv", "uwv", "uwv", "vacatures", UwvVintage, 3_640, 3, "loaded", null),
            (9, "roa_prognoses_2022-01-15.csv", "roa", "roa", "prognoses", RoaVintage, 13, 0, "loaded", null),
            (10, "uwv_vacatures_2024-05-15.csv", "uwv", "uwv", "vacatures", "2024-05-15", 0, 0, "rejected", "missing required column 'WW_korter_dan_half_jaar'"),
        };
        foreach (var e in extracts)
            c.Execute("""
                INSERT INTO meta.extracts (extract_id, file_name, folder, source, dataset, vintage, sha256, size_bytes, encoding, line_ending,
                    rows_total, rows_loaded, rows_quarantined, state, reason, run_id, loaded_at)
                VALUES ($Id, $File, $Folder, $Source, $Dataset, CAST($Vintage AS DATE), 'sha' || $Id, 1000, 'utf-8', 'lf',
                    $Rows, $Loaded, $Quarantined, $State, $Reason, '20240615T020000Z-a1b2', TIMESTAMP '2024-06-15 02:01:00')
                """, new { e.Id, e.File, e.Folder, e.Source, e.Dataset, e.Vintage, e.Rows, Loaded = e.Rows - e.Quarantined, e.Quarantined, e.State, e.Reason }, tx);
        foreach (var (id, file, line, column, value, reason) in new[]
                 {
                     (8, "uwv_vacatures_2024-02-15.csv", 17L, "Arbeidsmarktregio", "AM99", "unknown labour-market region code"),
                     (8, "uwv_vacatures_2024-02-15.csv", 18L, "Arbeidsmarktregio", "AM99", "unknown labour-market region code"),
                     (8, "uwv_vacatures_2024-02-15.csv", 240L, "Openstaande_vacatures", "-5", "negative count"),
                     (6, "predict_stromen_2024-06-01.csv", 33L, "Categorie", "stage", "unknown category for instroom"),
                     (6, "predict_stromen_2024-06-01.csv", 34L, "Categorie", "stage", "unknown category for instroom"),
                 })
            c.Execute("INSERT INTO meta.quarantine VALUES ($id, $file, $line, $column, $value, $reason, NULL)", new { id, file, line, column, value, reason }, tx);
        c.Execute("""
            INSERT INTO meta.check_results (run_id, check_name, severity, status, failing_rows, sample, description, checked_at) VALUES
            ('20240615T020000Z-a1b2', 'techniek_ict_niet_opgeteld', 'error', 'passed', 0, '[]', 'Geen indicator telt techniek en ICT bij elkaar op', TIMESTAMP '2024-06-15 02:02:00'),
            ('20240615T020000Z-a1b2', 'spanning_uit_sommen', 'error', 'passed', 0, '[]', 'Spanningsindicator = som vacatures / som WW', TIMESTAMP '2024-06-15 02:02:00'),
            ('20240615T020000Z-a1b2', 'ww_afgeschermd', 'warning', 'failed', 1, '[{"region":"AM24"}]', 'Regio''s met afgeschermd WW-aantal', TIMESTAMP '2024-06-15 02:02:00')
            """, transaction: tx);
    }
}
