namespace MlaRequests.Domain.Requests;

/// <summary>
/// Why the UN Convention against Transnational Organized Crime applies to the case (Art. 3 scope,
/// Art. 18(1)): required when the request relies on UNTOC.
/// </summary>
public sealed class UntocScope
{
    /// <summary>Which limb of the Convention's scope the offence falls under.</summary>
    public UntocGround? Ground { get; set; }

    /// <summary>The facts that show it: the group, its members, the countries involved.</summary>
    public string? Reasons { get; set; }
}

/// <summary>The limb of UNTOC's scope an offence falls under.</summary>
public enum UntocGround
{
    /// <summary>
    /// An offence under Arts. 5, 6, 8 or 23, or a serious crime (Art. 2(b): at least four years' deprivation of liberty),
    /// transnational in nature (Art. 3(2)) and involving an organized criminal group (Art. 2(a); Art. 3(1)).
    /// </summary>
    OrganisedCriminalGroup,

    /// <summary>An offence established under Art. 5 of the Trafficking in Persons Protocol, regarded as an offence under the Convention (Protocol Art. 1(3)).</summary>
    TraffickingProtocol,
}
