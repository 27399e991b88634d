using JasperFx;
using JasperFx.Events;
using Npgsql;

namespace EnterpriseLedger.Host.Migrations;

/// <summary>Recognises the write conflicts a migration can meet, and words them for the person running it.</summary>
internal static class MigrationConflicts
{
    public static bool IsConflict(Exception error) =>
        error is ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
            or ConcurrencyException or DocumentAlreadyExistsException
        || UniqueViolation(error) is not null;

    public static string Describe(Exception error) => error switch
    {
        ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException =>
            "one of the company's teams, or its account, already belongs to another company: " + error.Message,
        ConcurrencyException =>
            "another run changed this company at the same time; run the migration again",
        _ when UniqueViolation(error) is { } violation =>
            $"an account with the same name already exists ({violation.ConstraintName}); "
            + "rename the company's main team",
        _ => error.Message,
    };

    private static PostgresException? UniqueViolation(Exception error)
    {
        for (var current = (Exception?)error; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres)
            {
                return postgres;
            }
        }

        return null;
    }
}
