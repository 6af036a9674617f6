namespace GamifyHub.Domain.Routing;

/// <summary>
/// Routes feedback whose text contains any keyword (or that comes from one of the channels) to departments.
/// Rules are data, kept in the database and edited by admins; lower <see cref="Order"/> is checked first.
/// </summary>
public sealed record RoutingRule(int Order, string Name, IReadOnlyList<string> Keywords, IReadOnlyList<string> Channels,
    IReadOnlyList<Guid> DepartmentIds);
