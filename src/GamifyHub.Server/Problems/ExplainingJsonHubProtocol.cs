using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Problems;

/// <summary>
/// SignalR's JSON protocol, but a malformed call is answered with a <see cref="HubException"/> that says what is wrong
/// with it: wrong argument counts and types get their reason instead of "an error on the server", and arguments the
/// reader cannot even skip (nested too deep) fail that one call instead of dropping the whole connection.
/// </summary>
public sealed class ExplainingJsonHubProtocol(IOptions<JsonHubProtocolOptions> options) : IHubProtocol
{
    private readonly JsonHubProtocol _json = new(options);

    public string Name => _json.Name;

    public int Version => _json.Version;

    public TransferFormat TransferFormat => _json.TransferFormat;

    public bool IsVersionSupported(int version) => _json.IsVersionSupported(version);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _json.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _json.GetMessageBytes(message);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var original = input;
        try
        {
            if (!_json.TryParseMessage(ref input, binder, out message))
            {
                return false;
            }
        }
        catch (InvalidDataException error) when (input.Length < original.Length)
        {
            // The frame was cut off the input (it ends with the record separator) before it failed to parse.
            message = FailedCall(original.Slice(0, original.Length - input.Length - 1), error);
            if (message is null)
            {
                throw;
            }

            return true;
        }

        if (message is InvocationBindingFailureMessage { BindingFailure.SourceException: not HubException and var cause } failure)
        {
            var detail = (cause.InnerException ?? cause).Message.Replace("System.String", "string", StringComparison.Ordinal);
            message = Failure(failure.InvocationId, failure.Target, $"'{failure.Target}' takes {Signature(binder, failure.Target)}: {detail}");
        }

        return true;
    }

    private static string Signature(IInvocationBinder binder, string target)
    {
        var types = binder.GetParameterTypes(target);
        return $"{types.Count} argument{(types.Count == 1 ? "" : "s")} ({string.Join(", ", types.Select(t => t == typeof(string) ? "string" : t.Name))})";
    }

    /// <summary>An error answer for a call whose id and target can still be read, or null for frames that are not a call.</summary>
    private static InvocationBindingFailureMessage? FailedCall(ReadOnlySequence<byte> frame, InvalidDataException error)
    {
        try
        {
            var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = 64 * 1024 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? invocationId = null, target = null;
            var type = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "type" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var t):
                        type = t;
                        break;
                    case "invocationId" when reader.TokenType == JsonTokenType.String:
                        invocationId = reader.GetString();
                        break;
                    case "target" when reader.TokenType == JsonTokenType.String:
                        target = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return type is HubProtocolConstants.InvocationMessageType or HubProtocolConstants.StreamInvocationMessageType && target is not null
                ? Failure(invocationId, target, $"the call to '{target}' could not be read: {(error.InnerException ?? error).Message}")
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static InvocationBindingFailureMessage Failure(string? invocationId, string target, string reason) =>
        new(invocationId, target, ExceptionDispatchInfo.Capture(new HubException(char.ToUpperInvariant(reason[0]) + reason[1..])));
}
