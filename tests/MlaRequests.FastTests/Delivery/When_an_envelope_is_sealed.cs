using System.Security.Cryptography;
using MlaRequests.Contracts;
using MlaRequests.Node.Delivery;
using MlaRequests.Tests.Infrastructure;
using NodaTime;

namespace MlaRequests.FastTests.Delivery;

/// <summary>
/// The seal on its own: what a sealed envelope opens to, that every header field is bound to the ciphertext, that only the
/// recipient's key opens it, and that every message has an ephemeral key of its own.
/// </summary>
public sealed class When_an_envelope_is_sealed
{
    static readonly Instant At = Instant.FromUtc(2026, 4, 6, 5, 0);
    const string Secret = "{\"name\":\"A. B.\",\"facts\":\"moved victims from Almaty\"}";

    static CrossBorderEnvelope Plain() => new(Guid.NewGuid(), "KG", "KZ", DeliveryStates.MessageKind, nameof(RequestTransmitted), 1, Guid.NewGuid(), At,
        Secret, null);

    static CrossBorderEnvelope SealedForKz(CrossBorderEnvelope plain)
    {
        using var kz = TestKeys.Encryption("KZ");
        using var kg = TestKeys.Signing("KG");
        return EnvelopeSeal.Seal(plain, kz, PeerKeys.KeyIdOf(kz), PeerKeys.KeyIdOf(kg));
    }

    static string? OpenAsKz(CrossBorderEnvelope envelope, out string payload)
    {
        using var kz = TestKeys.Encryption("KZ");
        return EnvelopeSeal.Open(envelope, kz, out payload);
    }

    [Fact]
    public void It_opens_to_the_payload_it_was_sealed_with_and_hides_it_until_then()
    {
        var sealedEnvelope = SealedForKz(Plain());

        sealedEnvelope.Payload.Should().NotContain("A. B.").And.NotContain("Almaty");
        Convert.FromBase64String(sealedEnvelope.Payload).Should().NotContainInOrder("A. B."u8.ToArray());
        sealedEnvelope.Seal.Should().Be(EnvelopeSeal.Scheme);
        OpenAsKz(sealedEnvelope, out var payload).Should().BeNull();
        payload.Should().Be(Secret);
    }

    public static TheoryData<string> HeaderFields() =>
    [
        "MessageId", "From", "To", "Kind", "ContractType", "ContractVersion", "CorrelationId", "SentAt", "SignerKeyId", "RecipientKeyId", "EphemeralKey",
    ];

    [Theory]
    [MemberData(nameof(HeaderFields))]
    public void A_changed_header_field_makes_it_not_open(string field)
    {
        var sealedEnvelope = SealedForKz(Plain());
        using var other = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var changed = field switch
        {
            "MessageId" => sealedEnvelope with { MessageId = Guid.NewGuid() },
            "From" => sealedEnvelope with { From = "UZ" },
            "To" => sealedEnvelope with { To = "KG" },
            "Kind" => sealedEnvelope with { Kind = DeliveryStates.ReceiptKind },
            "ContractType" => sealedEnvelope with { ContractType = nameof(RequestWithdrawn) },
            "ContractVersion" => sealedEnvelope with { ContractVersion = 2 },
            "CorrelationId" => sealedEnvelope with { CorrelationId = Guid.NewGuid() },
            "SentAt" => sealedEnvelope with { SentAt = At + Duration.FromSeconds(1) },
            "SignerKeyId" => sealedEnvelope with { SignerKeyId = "0000000000000000" },
            "RecipientKeyId" => sealedEnvelope with { RecipientKeyId = "0000000000000000" },
            "EphemeralKey" => sealedEnvelope with { EphemeralKey = Convert.ToBase64String(other.ExportSubjectPublicKeyInfo()) },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        OpenAsKz(changed, out var payload).Should().StartWith("unopenable", $"{field} is bound to the ciphertext");
        payload.Should().BeEmpty();
    }

    [Fact]
    public void A_changed_ciphertext_does_not_open()
    {
        var sealedEnvelope = SealedForKz(Plain());
        var bytes = Convert.FromBase64String(sealedEnvelope.Payload);
        bytes[20] ^= 1;

        OpenAsKz(sealedEnvelope with { Payload = Convert.ToBase64String(bytes) }, out _).Should().StartWith("unopenable");
        OpenAsKz(sealedEnvelope with { Payload = "{\"x\":1}" }, out _).Should().StartWith("malformed");
    }

    [Fact]
    public void Only_the_recipient_s_key_opens_it()
    {
        var sealedEnvelope = SealedForKz(Plain());
        using var uz = TestKeys.Encryption("UZ");

        EnvelopeSeal.Open(sealedEnvelope, uz, out var payload).Should().StartWith("unopenable");
        payload.Should().BeEmpty();
    }

    [Fact]
    public void Every_message_has_an_ephemeral_key_of_its_own()
    {
        var plain = Plain();
        var seals = Enumerable.Range(0, 20).Select(_ => SealedForKz(plain)).ToList();

        seals.Select(s => s.EphemeralKey).Distinct().Should().HaveCount(20);
        seals.Select(s => s.Payload).Distinct().Should().HaveCount(20, "the same message sealed twice gives two ciphertexts");
        seals.Select(s => OpenAsKz(s, out _)).Should().OnlyContain(problem => problem == null);
    }
}
