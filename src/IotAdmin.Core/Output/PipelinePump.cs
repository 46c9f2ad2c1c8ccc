using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace IotAdmin.Output
{
    /// <summary>
    /// Runs a command's async work off the pipeline thread while the calling (pipeline) thread forwards everything it
    /// emits, in order — PowerShell's rule that only the pipeline thread may call Write* (PSResourceGet's queues,
    /// Invoke-WebRequest's loop). If forwarding throws (the pipeline was stopped, e.g. by Select-Object -First),
    /// the work is cancelled and the exception rethrown on the pipeline thread.
    /// </summary>
    internal static class PipelinePump
    {
        /// <summary>
        /// Outputs queued ahead of the pipeline thread at most: about two pages of devices. When the consumer is slow
        /// the worker waits in Write*, so a listing fetches its next page only when this much has been taken (memory
        /// stays flat however slow the consumer).
        /// </summary>
        public const int MaxQueued = 200;

        public static void Run(ICommandOutput pipelineOutput, CancellationToken cancellationToken, Func<ICommandOutput, CancellationToken, Task> work)
        {
            using var queue = new BlockingCollection<Action>(MaxQueued);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var queued = new QueuedOutput(queue, pipelineOutput, cts.Token);
            var task = Task.Run(() => work(queued, cts.Token));
            task.ContinueWith(_ => queue.CompleteAdding(), TaskScheduler.Default);
            try
            {
                foreach (var action in queue.GetConsumingEnumerable()) action();
            }
            catch
            {
                queued.Abandon();
                cts.Cancel();
                try
                {
                    task.Wait();
                }
                catch (AggregateException)
                {
                    // The work's own failure after cancellation is of no interest: the forwarding failure wins.
                }

                throw;
            }

            task.GetAwaiter().GetResult();
        }

        /// <summary>The worker-side output: every call becomes an action the pipeline thread runs.</summary>
        private sealed class QueuedOutput : ICommandOutput
        {
            private readonly BlockingCollection<Action> _queue;
            private readonly ICommandOutput _target;
            private readonly CancellationToken _stopped;
            private readonly ConcurrentDictionary<TaskCompletionSource<bool>, byte> _pendingAnswers = new ConcurrentDictionary<TaskCompletionSource<bool>, byte>();
            private volatile bool _abandoned;

            public QueuedOutput(BlockingCollection<Action> queue, ICommandOutput target, CancellationToken stopped)
            {
                _queue = queue;
                _target = target;
                _stopped = stopped;
            }

            /// <summary>The pipeline thread stopped forwarding: drop output, and answer pending ShouldProcess with "no".</summary>
            public void Abandon()
            {
                _abandoned = true;
                foreach (var pending in _pendingAnswers.Keys) pending.TrySetResult(false);
            }

            public void WriteObject(object item) => TryAdd(() => _target.WriteObject(item));

            public void WriteError(IotErrorInfo error) => TryAdd(() => _target.WriteError(error));

            public void WriteWarning(string message) => TryAdd(() => _target.WriteWarning(message));

            public void WriteProgress(IotProgress progress) => TryAdd(() => _target.WriteProgress(progress));

            public void WriteInformation(object data, string[] tags) => TryAdd(() => _target.WriteInformation(data, tags));

            public void Verbose(string message) => TryAdd(() => _target.Verbose(message));

            public void Debug(string message) => TryAdd(() => _target.Debug(message));

            public bool ShouldProcess(string target, string action)
            {
                var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                _pendingAnswers[answer] = 0;
                try
                {
                    var queued = TryAdd(() =>
                    {
                        try
                        {
                            answer.TrySetResult(_target.ShouldProcess(target, action));
                        }
                        catch (Exception e)
                        {
                            answer.TrySetException(e);
                            throw;
                        }
                    });
                    if (!queued || _abandoned) answer.TrySetResult(false);
                    return answer.Task.GetAwaiter().GetResult();
                }
                finally
                {
                    _pendingAnswers.TryRemove(answer, out _);
                }
            }

            private bool TryAdd(Action action)
            {
                if (_abandoned) return false;
                try
                {
                    // Waits while the queue is full (back-pressure); a stopped pipeline cancels the wait.
                    return _queue.TryAdd(action, Timeout.Infinite, _stopped);
                }
                catch (OperationCanceledException)
                {
                    return false; // the pipeline stopped forwarding
                }
                catch (InvalidOperationException)
                {
                    return false; // completed or disposed: the command is over
                }
            }
        }
    }
}
