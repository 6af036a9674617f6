using GamifyHub.Server.Auth;
using Microsoft.AspNetCore.SignalR;

namespace GamifyHub.Server.Live;

/// <summary>SignalR users are employees, so grains can address a person by employee id.</summary>
public sealed class EmployeeUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User.GetEmployeeId()?.ToString();
}
