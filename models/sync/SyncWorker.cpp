#include "SyncWorker.h"

struct SyncWorker::State
{
    SyncRequest request;
};

SyncWorker::SyncWorker(Database &, Clock &, SyncEngine::Options, SyncRequest request, ClientConfig,
                       std::shared_ptr<std::atomic_bool>)
    : d(std::make_unique<State>())
{
    d->request = request;
}

SyncWorker::~SyncWorker() = default;

void SyncWorker::run()
{
    SyncRunSummary summary;
    summary.kind = d->request.kind;
    summary.status = SyncStatus::Failed;
    summary.error = tr("the sync engine is not built yet");
    Q_EMIT finished(summary);
}
