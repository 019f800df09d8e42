namespace MlaRequests.Domain.Requests;

/// <summary>The instrument a request relies on (DOMAIN.md: all five states are UNTOC parties; KZ, KG, TJ use Chisinau 2002; UZ and TM rely on Minsk 1993).</summary>
public enum LegalBasis
{
    /// <summary>UN Convention against Transnational Organized Crime, Art. 18.</summary>
    Untoc,

    /// <summary>CIS Convention on Legal Assistance, Minsk 1993.</summary>
    Minsk1993,

    /// <summary>CIS Convention on Legal Assistance, Chisinau 2002.</summary>
    Chisinau2002,

    /// <summary>A bilateral treaty between the two states (named in the request).</summary>
    BilateralTreaty,

    /// <summary>No treaty: assistance on the basis of reciprocity.</summary>
    Reciprocity,
}
