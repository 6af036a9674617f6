using System.Security.Claims;
using GamifyHub.Data;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Topics;
using GamifyHub.Server.Admin;
using GamifyHub.Server.Auth;
using GamifyHub.Server.Feedback;
using GamifyHub.Server.Problems;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Routing;

/// <summary>
/// The topics and products that incoming feedback is classified with (keyword rules, EN and DE keywords alike); admins
/// read and replace them as a whole. Items already stored keep the topics and products they got on arrival.
/// </summary>
public static class TaxonomyEndpoints
{
    public sealed record TaxonomyEntryDto(string? Name, IReadOnlyList<string?>? Keywords);

    public sealed record TaxonomyDto(IReadOnlyList<TaxonomyEntryDto?>? Topics, IReadOnlyList<TaxonomyEntryDto?>? Products);

    public sealed record TaxonomyView(IReadOnlyList<TaxonomyEntryDto> Topics, IReadOnlyList<TaxonomyEntryDto> Products,
        RoutingRuleEndpoints.RoutingChangeDto? LastChange);

    public static RouteGroupBuilder MapTaxonomyEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/taxonomy").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapGet("", Get);
        group.MapPut("", Replace);
        return api;
    }

    private static async Task<TaxonomyView> Get(TaxonomyBook book, CancellationToken cancellationToken)
    {
        var last = await book.LastChangeAsync(cancellationToken);
        return new TaxonomyView([.. book.Current.Topics.Select(Dto)], [.. book.Current.Products.Select(Dto)],
            last is null ? null : new RoutingRuleEndpoints.RoutingChangeDto(last.Id, last.Actor, last.At));
    }

    private static async Task<IResult> Replace(TaxonomyDto? body, ClaimsPrincipal user, TaxonomyBook book, RoutingRuleCache routing,
        IDbContextFactory<GamifyDbContext> dbFactory)
    {
        if (body is null)
        {
            return ApiProblems.Validation("body", "A body {\"topics\":[{\"name\",\"keywords\"}],\"products\":[{\"name\",\"keywords\"}]} is required.");
        }

        // A topic or product a routing rule names may not disappear under it.
        var (rules, _) = await routing.GetAsync();
        var inUse = rules.SelectMany(r => r.Topics.Concat(r.Products)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var errors = TaxonomyValidator.TryCreate(Drafts(body.Topics), Drafts(body.Products),
            await RoutingRuleEndpoints.EmployeeNames(dbFactory), inUse, out var taxonomy);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors.GroupBy(e => e.Path)
                .ToDictionary(g => g.Key, g => g.Select(e => $"{e.Path}: {e.Message}").ToArray()));
        }

        await book.ReplaceAsync(taxonomy, AdminEndpoints.Actor(user));
        return TypedResults.Ok(new TaxonomyDto([.. taxonomy.Topics.Select(Dto)], [.. taxonomy.Products.Select(Dto)]));
    }

    private static List<TaxonomyEntryDraft?>? Drafts(IReadOnlyList<TaxonomyEntryDto?>? entries) =>
        entries?.Select(e => e is null ? null : new TaxonomyEntryDraft(e.Name, e.Keywords)).ToList();

    private static TaxonomyEntryDto Dto(TaxonomyEntry e) => new(e.Name, [.. e.Keywords]);
}
