using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GamifyHub.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the server.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GamifyDbContext>
{
    public GamifyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GamifyDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
