using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime.Text;

namespace MlaRequests.Node.Audit;

/// <summary>The hash chain of the audit log: how a row's hash is computed and how the chain is checked.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first row.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The hash of <paramref name="entry"/>: SHA-256 over its fields and the previous row's hash, each length-prefixed.</summary>
    public static string HashOf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder();
        foreach (var field in new[]
                 {
                     entry.Sequence.ToString(CultureInfo.InvariantCulture), InstantPattern.ExtendedIso.Format(entry.At), entry.Actor, entry.Address,
                     entry.Action, entry.Subject ?? string.Empty, entry.Outcome, entry.PreviousHash,
                 })
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Checks rows in sequence order, continuing from <paramref name="previous"/> (null at the start):
    /// the first row that is missing, points at another hash, or whose hash does not match its content.
    /// </summary>
    public static AuditBreak? FirstBreak(IEnumerable<AuditEntry> entries, AuditEntry? previous)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            var expectedSequence = (previous?.Sequence ?? 0) + 1;
            if (entry.Sequence != expectedSequence)
                return new AuditBreak(expectedSequence, $"Row {expectedSequence} is missing (the next row is {entry.Sequence}).");
            if (entry.PreviousHash != (previous?.Hash ?? Genesis))
                return new AuditBreak(entry.Sequence, $"Row {entry.Sequence} does not point at the hash of row {entry.Sequence - 1}.");
            if (HashOf(entry) != entry.Hash)
                return new AuditBreak(entry.Sequence, $"Row {entry.Sequence} was changed after it was written (its hash does not match its content).");
            previous = entry;
        }
        return null;
    }
}

/// <summary>The first broken link of the audit chain.</summary>
/// <param name="Sequence">The row where the chain breaks.</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record AuditBreak(long Sequence, string Reason);
