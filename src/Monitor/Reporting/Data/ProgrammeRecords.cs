namespace Monitor.Reporting.Data;

/// <summary>One row of ref.doelen, the target register (see the shared interface of issue 13).</summary>
public sealed class TargetRecord
{
    public string Indicator { get; set; } = "";
    public string Domain { get; set; } = "";
    public string Region { get; set; } = "";
    /// <summary>NULL: the indicator's total; '*': every category; else one category code.</summary>
    public string? Category { get; set; }
    /// <summary>minimum, maximum, pad or boven_basis.</summary>
    public string Soort { get; set; } = "";
    public double Waarde { get; set; }
    public int? Basisjaar { get; set; }
    public int? Doeljaar { get; set; }
    public string? Bron { get; set; }
}

/// <summary>One action of mart.acties: the register in force at the as-of date.</summary>
public sealed class ActionRecord
{
    public string ActieId { get; set; } = "";
    public int Pijler { get; set; }
    public string Maatregel { get; set; } = "";
    public string? Eigenaar { get; set; }
    /// <summary>gepland, in_uitvoering, afgerond, vertraagd or gestopt.</summary>
    public string Status { get; set; } = "";
    public DateOnly? Start { get; set; }
    public DateOnly? GeplandGereed { get; set; }
    public DateOnly? Gereed { get; set; }
    public bool AchterSchema { get; set; }
    public bool OpSchema { get; set; }
    public DateOnly? Vintage { get; set; }
}

/// <summary>One link of mart.actie_indicatoren: an action aimed at a KPI (domain NULL: every domain of the code).</summary>
public sealed class ActionLink
{
    public string ActieId { get; set; } = "";
    public string Indicator { get; set; } = "";
    public string? Domain { get; set; }
}

/// <summary>One row of ref.bedrijfstakken.</summary>
public sealed class IndustryRecord
{
    public string Code { get; set; } = "";
    public string Naam { get; set; } = "";
    /// <summary>techniek, ict, totaal or overig.</summary>
    public string Domein { get; set; } = "";
}
