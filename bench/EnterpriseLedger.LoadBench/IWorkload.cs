using System.Net;

namespace EnterpriseLedger.LoadBench;

/// <summary>
/// What the client workers send. Worker <c>w</c> calls <see cref="Next"/> and then <see cref="Completed"/> for its
/// own requests only, one at a time.
/// </summary>
internal interface IWorkload
{
    string Name { get; }

    HttpRequestMessage Next(int worker);

    void Completed(int worker, HttpStatusCode status);
}
