using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Errors;
using IotAdmin.Output;

namespace IotAdmin.Operations.Admin
{
    /// <summary>
    /// The per-item rule of every administration command: one item's failure is a non-terminating error about that
    /// item and the command goes on; only a failure no later item can escape (authentication) ends it.
    /// </summary>
    internal static class AdminItem
    {
        /// <summary>Runs one item's call; false (and the error written) when it failed.</summary>
        public static async Task<bool> TryAsync(ICommandOutput output, object? target, Func<Task> call)
        {
            try
            {
                await call().ConfigureAwait(false);
                return true;
            }
            catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
            {
                output.WriteError(IotErrorInfo.FromApi(e, target));
                return false;
            }
        }

        /// <summary>Streams a listing to the output; a failure of it is one error about <paramref name="target"/>.</summary>
        public static Task WriteAllAsync<T>(ICommandOutput output, object? target, IAsyncEnumerable<T> items, CancellationToken cancellationToken) =>
            TryAsync(output, target, async () =>
            {
                await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false)) output.WriteObject(item!);
            });

        /// <summary>
        /// A bad id or value found before any request: an error about this item (the command goes on); false when
        /// <paramref name="problem"/> is null (the item is fine).
        /// </summary>
        public static bool Rejected(ICommandOutput output, string? problem, object? target, string recommendedAction)
        {
            if (problem == null) return false;
            output.WriteError(IotErrorInfo.InvalidInput(ClientErrorIds.InvalidArgument, problem, target, recommendedAction));
            return true;
        }
    }
}
