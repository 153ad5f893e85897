using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Thuis.Web.Features.Transfers;

/// <summary>
/// The signed envelope of a transfer file (version 2):
/// <code>
/// { "format": "thuis-overdracht", "versie": 2, "aan": "0637",
///   "ondertekening": { "gemeente": "0148", "sleutel": "3F2A 9C1B …", "algoritme": "ES256", "handtekening": "…" },
///   "inhoud": { …the dossier, as readable JSON… } }
/// </code>
/// The signature is over the exact bytes of the value of "inhoud" as they stand in the file, so the content stays
/// readable and nothing has to be put in a canonical form first. The envelope comes first and is read with a streaming
/// reader, so a reader checks format, addressee, key and signature before it deserialises any of the content.
/// </summary>
public sealed record SignedTransferFile(int Version, string? To, string? Signer, string? Fingerprint, string? Algorithm, byte[]? Signature, Range? Content)
{
    /// <summary>ECDSA with P-256 and SHA-256, the signature as r and s of 32 bytes each (IEEE P1363, as JOSE's ES256).</summary>
    public const string Algorithm256 = "ES256";

    public static byte[] Write(byte[] content, string to, string signer, string fingerprint, byte[] signature)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", TransferFile.FormatName);
            writer.WriteNumber("versie", TransferFile.CurrentVersion);
            writer.WriteString("aan", to);
            writer.WriteStartObject("ondertekening");
            writer.WriteString("gemeente", signer);
            writer.WriteString("sleutel", fingerprint);
            writer.WriteString("algoritme", Algorithm256);
            writer.WriteString("handtekening", Convert.ToBase64String(signature));
            writer.WriteEndObject();
            writer.WritePropertyName("inhoud");
            writer.WriteRawValue(content, skipInputValidation: true);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The envelope of <paramref name="utf8"/>, or why it is not a transfer file of Thuis. Only the format and the
    /// version are judged here; whether the signature parts are there is the caller's next question.
    /// </summary>
    public static (SignedTransferFile? File, string? Refusal) Read(ReadOnlySpan<byte> utf8)
    {
        const string NotJson = "Dit bestand is geen leesbaar overdrachtsbestand: de inhoud is geen geldige JSON. Vraag de vorige gemeente het bestand opnieuw te sturen.";
        const string NotThuis = $"Dit is geen overdrachtsbestand van Thuis: het formaat ‘{TransferFile.FormatName}’ ontbreekt.";
        const string Twice = "Het overdrachtsbestand is beschadigd: een onderdeel van de ondertekening staat er twee keer in. Vraag de vorige gemeente het bestand opnieuw te sturen.";
        string? format = null, to = null, signer = null, fingerprint = null, algorithm = null, signature = null;
        int? version = null;
        Range? content = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                // Valid JSON that is not an object still has to be read to the end to tell it from broken JSON.
                reader.Skip();
                while (reader.Read())
                {
                }
                return (null, NotThuis);
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (!seen.Add(name))
                {
                    return (null, Twice);
                }
                switch (name)
                {
                    case "format":
                        format = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        break;
                    case "versie":
                        version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) ? number : null;
                        break;
                    case "aan":
                        to = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        break;
                    case "ondertekening" when reader.TokenType == JsonTokenType.StartObject:
                        var signing = new HashSet<string>(StringComparer.Ordinal);
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var part = reader.GetString()!;
                            reader.Read();
                            if (!signing.Add(part))
                            {
                                return (null, Twice);
                            }
                            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                            reader.Skip();
                            switch (part)
                            {
                                case "gemeente": signer = text; break;
                                case "sleutel": fingerprint = text; break;
                                case "algoritme": algorithm = text; break;
                                case "handtekening": signature = text; break;
                            }
                        }
                        break;
                    case "inhoud" when reader.TokenType == JsonTokenType.StartObject:
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        content = new Range(start, (int)reader.BytesConsumed);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            while (reader.Read())
            {
            }
        }
        catch (JsonException)
        {
            return (null, NotJson);
        }
        if (format != TransferFile.FormatName)
        {
            return (null, NotThuis);
        }
        if (version == 1)
        {
            return (null, "Dit overdrachtsbestand is niet ondertekend (versie 1). Thuis neemt alleen ondertekende overdrachtsbestanden aan, zodat vaststaat "
                + "van welke gemeente het komt en dat niemand het onderweg heeft veranderd. Vraag de vorige gemeente om een nieuw bestand.");
        }
        if (version != TransferFile.CurrentVersion)
        {
            return (null, $"Dit overdrachtsbestand heeft een versie die deze Thuis niet kent; Thuis leest versie {TransferFile.CurrentVersion}. Vraag de vorige gemeente om een bestand in versie {TransferFile.CurrentVersion}.");
        }
        byte[]? signatureBytes = null;
        if (signature is not null)
        {
            signatureBytes = new byte[signature.Length];
            signatureBytes = Convert.TryFromBase64String(signature, signatureBytes, out var written) ? signatureBytes[..written] : null;
        }
        return (new SignedTransferFile(version.Value, to, signer, fingerprint, algorithm, signatureBytes, content), null);
    }

    /// <summary>Whether every part of the signature is there, so the signature can be checked at all.</summary>
    public bool IsComplete => To is not null && Signer is not null && Fingerprint is not null && Algorithm is not null && Signature is not null && Content is not null;
}
