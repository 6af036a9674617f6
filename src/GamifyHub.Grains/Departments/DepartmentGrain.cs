using GamifyHub.Data.Reading;

namespace GamifyHub.Grains.Departments;

/// <summary>One department's engagement totals, reloaded when a rescore puts another rules version in force.</summary>
public sealed class DepartmentGrain(ProjectionReader reader, RuleBook rules) : Grain, IDepartmentGrain
{
    private int _loadedUnder;
    private long _highWater;
    private long _points;
    private long _events;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Load();

    private async Task Load()
    {
        _loadedUnder = rules.Current.Version;
        (_highWater, _points, _events) = await reader.LoadDepartment(this.GetPrimaryKey());
    }

    private Task EnsureCurrent() => rules.Current.Version == _loadedUnder ? Task.CompletedTask : Load();

    public async Task<DepartmentSummary> GetSummary()
    {
        await EnsureCurrent();
        return new DepartmentSummary(this.GetPrimaryKey(), _points, _events);
    }

    public async Task ApplyDeltas(IReadOnlyList<ScoreDelta> deltas)
    {
        await EnsureCurrent();
        foreach (var delta in deltas.Where(d => d.Seq > _highWater))
        {
            _points += delta.Points;
            if (delta.CountsEvent)
            {
                _events++;
            }
        }
    }
}
