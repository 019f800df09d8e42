using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using MlaRequests.Node.Hosting;

namespace MlaRequests.Node.Accounts;

/// <summary>
/// The node's Data Protection key ring in a directory of its own, each key file 0600: the keys protect the node's bearer
/// tokens and cookies, so another account on the host that could read them could forge a session.
/// </summary>
public sealed class PrivateKeyRing(DirectoryInfo directory, ILoggerFactory logs) : IDeletableXmlRepository
{
    readonly FileSystemXmlRepository _files = new(directory, logs);

    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements() => _files.GetAllElements();

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        _files.StoreElement(element, friendlyName);
        foreach (var file in directory.EnumerateFiles())
            PrivateFiles.Tighten(file.FullName);
    }

    /// <inheritdoc />
    public bool DeleteElements(Action<IReadOnlyCollection<IDeletableElement>> chooseElements) => _files.DeleteElements(chooseElements);
}
