using GamifyHub.Data.Reading;

namespace GamifyHub.Grains.Departments;

/// <summary>One department's engagement totals.</summary>
public sealed class DepartmentGrain(ProjectionReader reader) : Grain, IDepartmentGrain
{
    private long _highWater;
    private long _points;
    private long _events;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_highWater, _points, _events) = await reader.LoadDepartment(this.GetPrimaryKey());
    }

    public Task<DepartmentSummary> GetSummary() => Task.FromResult(new DepartmentSummary(this.GetPrimaryKey(), _points, _events));

    public Task ApplyDeltas(IReadOnlyList<ScoreDelta> deltas)
    {
        foreach (var delta in deltas.Where(d => d.Seq > _highWater))
        {
            _points += delta.Points;
            if (delta.CountsEvent)
            {
                _events++;
            }
        }

        return Task.CompletedTask;
    }
}
