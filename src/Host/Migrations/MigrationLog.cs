using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Host.Migrations;

internal static partial class MigrationLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "A batch of {Count} companies met a write conflict; retrying each company alone")]
    public static partial void BatchRetried(ILogger logger, int count, Exception error);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning,
        Message = "Company {CompanyId} was not migrated: {Reason}")]
    public static partial void CompanyConflict(ILogger logger, Guid? companyId, string reason);
}
