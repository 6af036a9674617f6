using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace GamifyHub.Server.Security;

/// <summary>
/// Behind a TLS-terminating reverse proxy: <c>ForwardedHeaders:Enabled=true</c> takes the client address, scheme and host
/// from <c>X-Forwarded-*</c> sent by the proxies listed in <c>ForwardedHeaders:KnownProxies</c> (addresses) or
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR); <c>Https:Hsts=true</c> sends Strict-Transport-Security on HTTPS answers.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddGamifyReverseProxy(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = configuration.GetValue("ForwardedHeaders:ForwardLimit", 1);
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            if (configuration.GetSection("ForwardedHeaders:AllowedHosts").Get<string[]>() is { Length: > 0 } hosts)
            {
                o.AllowedHosts = hosts;
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    public static WebApplication UseGamifyReverseProxy(this WebApplication app)
    {
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false))
        {
            app.UseForwardedHeaders();
        }

        if (app.Configuration.GetValue("Https:Hsts", false))
        {
            app.UseHsts();
        }

        if (app.Configuration.GetValue("Https:Redirect", false))
        {
            app.UseHttpsRedirection();
        }

        return app;
    }
}
