namespace Thuis.Web.Features.Debts;

/// <summary>Who a debt is owed to, by kind: the first bills a newcomer meets, and the collectors of the state.</summary>
public enum CreditorKind
{
    Landlord,
    Energy,
    Water,
    HealthInsurer,
    /// <summary>Belastingdienst/Toeslagen: taxes and benefits paid back.</summary>
    TaxAndBenefits,
    /// <summary>CJIB: fines.</summary>
    Cjib,
    Duo,
    Municipality,
    Telecom,
    Other,
}

/// <summary>Where a debt stands.</summary>
public enum DebtStatus
{
    Open,
    /// <summary>A payment arrangement with the creditor.</summary>
    Arrangement,
    /// <summary>In the hands of debt help (schuldhulpverlening).</summary>
    InDebtHelp,
    PaidOff,
    /// <summary>Waived by the creditor.</summary>
    Forgiven,
}

/// <summary>The parties that report arrears to the municipality under the Wgs (Besluit gemeentelijke schuldhulpverlening, art. 2–5).</summary>
public enum ArrearsPartyKind
{
    Landlord,
    Energy,
    Water,
    HealthInsurer,
}

/// <summary>What the case manager's contact after an early signal came to.</summary>
public enum ArrearsOutcome
{
    ContactMade,
    HelpOffered,
    HelpAccepted,
    Declined,
    NotReached,
}

public static class DebtWords
{
    public static string Dutch(this CreditorKind kind) => kind switch
    {
        CreditorKind.Landlord => "verhuurder",
        CreditorKind.Energy => "energieleverancier",
        CreditorKind.Water => "drinkwaterbedrijf",
        CreditorKind.HealthInsurer => "zorgverzekeraar",
        CreditorKind.TaxAndBenefits => "Belastingdienst/Toeslagen",
        CreditorKind.Cjib => "CJIB",
        CreditorKind.Duo => "DUO",
        CreditorKind.Municipality => "gemeente",
        CreditorKind.Telecom => "telecom",
        _ => "overig",
    };

    public static string Dutch(this DebtStatus status) => status switch
    {
        DebtStatus.Open => "open",
        DebtStatus.Arrangement => "regeling getroffen",
        DebtStatus.InDebtHelp => "bij schuldhulpverlening",
        DebtStatus.PaidOff => "afgelost",
        _ => "kwijtgescholden",
    };

    public static string Dutch(this ArrearsPartyKind kind) => kind switch
    {
        ArrearsPartyKind.Landlord => "verhuurder",
        ArrearsPartyKind.Energy => "energie",
        ArrearsPartyKind.Water => "drinkwater",
        _ => "zorgverzekeraar",
    };

    /// <summary>"huurachterstand", "achterstand energie" …: what the report is about.</summary>
    public static string Arrears(this ArrearsPartyKind kind) => kind switch
    {
        ArrearsPartyKind.Landlord => "huurachterstand",
        ArrearsPartyKind.Energy => "achterstand energie",
        ArrearsPartyKind.Water => "achterstand drinkwater",
        _ => "achterstand zorgpremie",
    };

    public static string Dutch(this ArrearsOutcome outcome) => outcome switch
    {
        ArrearsOutcome.ContactMade => "contact gehad",
        ArrearsOutcome.HelpOffered => "hulp aangeboden",
        ArrearsOutcome.HelpAccepted => "hulp aangenomen",
        ArrearsOutcome.Declined => "hulp afgewezen",
        _ => "niet bereikt",
    };

    /// <summary>Reads a kind of reporting party as an import file writes it: the Dutch word, case and spaces aside.</summary>
    public static ArrearsPartyKind? PartyKindFrom(string? text)
    {
        var key = (text ?? "").Trim().ToLowerInvariant();
        return key switch
        {
            "verhuurder" or "woningcorporatie" or "huur" => ArrearsPartyKind.Landlord,
            "energie" or "energieleverancier" => ArrearsPartyKind.Energy,
            "drinkwater" or "water" or "drinkwaterbedrijf" => ArrearsPartyKind.Water,
            "zorgverzekeraar" or "zorgverzekering" => ArrearsPartyKind.HealthInsurer,
            _ => null,
        };
    }
}
