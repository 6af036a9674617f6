using System.Net;
using Orleans.Configuration;

namespace GamifyHub.Server.Hosting;

/// <summary>
/// Where the co-hosted Orleans silo listens (settings <c>Orleans:*</c>). Orleans' endpoints take no credentials, so the
/// embedded mode (the default) binds the silo to loopback and runs no gateway: the web app calls its grains in-process,
/// and no other machine, nor an Orleans client in another process, can call a grain. A cluster later sets the addresses
/// its silos reach each other on and a gateway port for its web nodes (and must secure that network itself).
/// </summary>
public sealed class SiloOptions
{
    public const string SectionName = "Orleans";

    /// <summary>The address the silo (and the gateway, if any) listens on.</summary>
    public string ListenAddress { get; set; } = IPAddress.Loopback.ToString();

    /// <summary>The address other silos reach this one on; the listening address when not set.</summary>
    public string? AdvertisedAddress { get; set; }

    public int SiloPort { get; set; } = EndpointOptions.DEFAULT_SILO_PORT;

    /// <summary>0: no gateway (embedded mode). Orleans clients in other processes connect here when set.</summary>
    public int GatewayPort { get; set; }

    /// <summary>Applies these settings to Orleans' own endpoint options.</summary>
    public void ApplyTo(EndpointOptions endpoints)
    {
        var listen = IPAddress.Parse(ListenAddress);
        endpoints.AdvertisedIPAddress = AdvertisedAddress is { Length: > 0 } advertised ? IPAddress.Parse(advertised) : listen;
        endpoints.SiloPort = SiloPort;
        endpoints.GatewayPort = GatewayPort;
        endpoints.SiloListeningEndpoint = new IPEndPoint(listen, SiloPort);
        endpoints.GatewayListeningEndpoint = GatewayPort == 0 ? null : new IPEndPoint(listen, GatewayPort);
    }
}
