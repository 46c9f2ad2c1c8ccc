using System;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Errors;
using IotAdmin.Sessions;
using Polly;
using Polly.Retry;

namespace IotAdmin.Resilience
{
    /// <summary>
    /// Every retry of the module, as one Polly retry strategy per session: whole HTTP calls (<see cref="Http.ApiClient"/>),
    /// per-device re-sends of a batch, the transfer re-check (Move-IotDevice) and the read-modify-write after ABORTED
    /// (Cloud IoT Core). What differs per use is a <see cref="RetryScope"/>; the rules are the same for all:
    /// ShouldHandle decides from the error table and the session's limits (no side effects), DelayGenerator computes
    /// the wait with <see cref="RetryDelayCalculator"/>, OnRetry counts the retry and writes the one "Retrying …" line.
    /// </summary>
    internal sealed class RetryStrategy
    {
        /// <summary>Above any MaxAttempts the options accept: each scope's own limit decides.</summary>
        private const int MaxRetriesOfAnyScope = 100;

        private static readonly ResiliencePropertyKey<RetryScope> ScopeKey = new ResiliencePropertyKey<RetryScope>("IotAdmin.RetryScope");

        private readonly ResiliencePipeline _pipeline;
        private readonly RetryDelayCalculator _delays;
        private readonly TimeProvider _time;

        public RetryStrategy(IotSessionOptions options, TimeProvider time, Func<double>? jitter = null)
        {
            Options = options;
            _time = time;
            _delays = new RetryDelayCalculator(options, jitter);
            _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = MaxRetriesOfAnyScope,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(ScopeOf(args.Context), args.Outcome, args.AttemptNumber)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(_delays.Next(args.AttemptNumber, ScopeOf(args.Context).FailureOf(args.Outcome)!)),
                    OnRetry = args =>
                    {
                        var scope = ScopeOf(args.Context);
                        scope.Context.Counters.AddRetry();
                        scope.Context.Log.Verbose(RetryingText(scope, scope.FailureOf(args.Outcome)!, args.AttemptNumber + 2, args.RetryDelay));
                        return default;
                    },
                })
                .Build();
        }

        public IotSessionOptions Options { get; }

        public TimeProvider Time => _time;

        /// <summary>A scope for work started now.</summary>
        public RetryScope Scope(Http.ApiCallContext context, int maxAttempts) => new RetryScope(context, maxAttempts, _time.GetTimestamp());

        /// <summary>Runs <paramref name="attempt"/> until its outcome is no retryable failure, or the scope's limits say stop.</summary>
        public async Task<T> ExecuteAsync<T>(RetryScope scope, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(ScopeKey, scope);
            try
            {
                var result = await _pipeline.ExecuteAsync(
                    async (ctx, work) =>
                    {
                        scope.Attempts++;
                        return await work(ctx.CancellationToken).ConfigureAwait(false);
                    },
                    context,
                    attempt).ConfigureAwait(false);
                ExplainGivingUp(scope, Outcome.FromResult<object>(result!));
                return result;
            }
            catch (IotApiException e)
            {
                ExplainGivingUp(scope, Outcome.FromException<object>(e));
                throw;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        /// <summary>"HTTP 503 UNAVAILABLE", or the bare status when no answer came or the failure is one item's.</summary>
        public static string Describe(IotApiException e) => e.StatusCode.HasValue ? "HTTP " + e.StatusCode.Value + " " + e.Status : e.Status;

        private static RetryScope ScopeOf(ResilienceContext context) => context.Properties.GetValue(ScopeKey, null!);

        private static string RetryingText(RetryScope scope, IotApiException e, int nextAttempt, TimeSpan wait)
        {
            var then = scope.Then?.Invoke(e);
            return "Retrying " + e.Method + " " + e.Path + scope.Subject?.Invoke(e) + " after " + Describe(e)
                + " (attempt " + nextAttempt + " of " + scope.AttemptsFor(e) + "); waiting " + ErrorClassifier.Seconds(wait)
                + (then == null ? string.Empty : ", then " + then) + ".";
        }

        private bool ShouldRetry(RetryScope scope, Outcome<object> outcome, int attemptNumber)
        {
            var failure = scope.FailureOf(outcome);
            return failure != null
                && attemptNumber + 1 < scope.AttemptsFor(failure)
                && _delays.Refusal(attemptNumber, failure, _time.GetElapsedTime(scope.StartedTimestamp)) == null;
        }

        /// <summary>A retryable failure that ends the work before its attempts are used up says why on the verbose stream.</summary>
        private void ExplainGivingUp(RetryScope scope, Outcome<object> outcome)
        {
            var failure = scope.FailureOf(outcome);
            if (failure == null || !failure.IsRetryable || scope.Attempts >= scope.AttemptsFor(failure)) return;
            var reason = _delays.Refusal(scope.Attempts - 1, failure, _time.GetElapsedTime(scope.StartedTimestamp));
            if (reason != null) scope.Context.Log.Verbose("Not retrying " + failure.Method + " " + failure.Path + scope.Subject?.Invoke(failure) + ": " + reason + ".");
        }
    }
}
