#include "LifecyclePanel.h"

#include "items/DayText.h"
#include "items/FiringsModel.h"
#include "items/StageHistoryModel.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->setWordWrap(false);
    const int line = view->fontMetrics().height();
    view->setMinimumHeight(line * 6);
    view->setMaximumHeight(line * 12);
    return view;
}

} // namespace

LifecyclePanel::LifecyclePanel(QWidget *parent)
    : QWidget(parent)
    , m_history(new StageHistoryModel(this))
    , m_firings(new FiringsModel(this))
    , m_current(new QLabel(this))
    , m_historyView(makeTable(m_history, QStringLiteral("stageHistoryTableView"), this))
    , m_firingsView(makeTable(m_firings, QStringLiteral("accountFiringsTableView"), this))
    , m_stage(new QComboBox(this))
    , m_reason(new QLineEdit(this))
    , m_move(new QPushButton(tr("Move Stage"), this))
    , m_moveStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("lifecyclePanel"));
    m_current->setObjectName(QStringLiteral("currentStageLabel"));
    m_stage->setObjectName(QStringLiteral("moveStageComboBox"));
    m_reason->setObjectName(QStringLiteral("moveStageReasonLineEdit"));
    m_reason->setPlaceholderText(tr("Why, e.g. \"Kick-off call done\""));
    m_move->setObjectName(QStringLiteral("moveStageButton"));
    m_move->setToolTip(tr("Move the account to the chosen stage as of today, with the reason in its history"));
    m_moveStatus->setObjectName(QStringLiteral("moveStageStatusLabel"));

    m_historyView->horizontalHeader()->setSectionResizeMode(StageHistoryModel::Reason, QHeaderView::Stretch);
    m_firingsView->horizontalHeader()->setSectionResizeMode(FiringsModel::Evidence, QHeaderView::Stretch);
    m_firingsView->hideColumn(FiringsModel::Account); // it is this account
    m_firingsView->setColumnWidth(FiringsModel::Playbook, 190);
    m_firingsView->setColumnWidth(FiringsModel::Status, 140);
    m_firingsView->setColumnWidth(FiringsModel::ActionState, 150);

    auto *move = new QHBoxLayout;
    move->addWidget(m_current);
    move->addStretch(1);
    move->addWidget(new QLabel(tr("Move to"), this));
    move->addWidget(m_stage);
    move->addWidget(m_reason, 1);
    move->addWidget(m_move);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(move);
    layout->addWidget(m_moveStatus);
    layout->addWidget(new QLabel(tr("Stage history"), this));
    layout->addWidget(m_historyView);
    layout->addWidget(new QLabel(tr("Playbook firings"), this));
    layout->addWidget(m_firingsView);
    m_moveStatus->setVisible(false);

    connect(m_stage, &QComboBox::currentIndexChanged, this, &LifecyclePanel::updateMoveButton);
    connect(m_move, &QPushButton::clicked, this, [this] {
        m_move->setEnabled(false);
        Q_EMIT moveRequested(m_stage->currentData().toString(), m_reason->text().trimmed());
    });
    updateMoveButton();
}

LifecyclePanel::~LifecyclePanel() = default;

void LifecyclePanel::setStages(const QList<LifecycleStage> &stages)
{
    const QString chosen = m_stage->currentData().toString();
    m_stage->clear();
    for (const LifecycleStage &stage : stages)
        m_stage->addItem(stage.name, stage.key);
    if (const int index = m_stage->findData(chosen); index >= 0)
        m_stage->setCurrentIndex(index);
    updateMoveButton();
}

void LifecyclePanel::setHistory(const QList<StageVisit> &visits)
{
    m_history->setVisits(visits);
    m_currentKey.clear();
    QString current = tr("No lifecycle stage yet.");
    for (const StageVisit &visit : visits) {
        if (!visit.leftDay) {
            m_currentKey = visit.stageKey;
            current = tr("In <b>%1</b> since %2.")
                          .arg(visit.stageName.toHtmlEscaped(), dayText(visit.enteredDay));
        }
    }
    m_current->setText(current);
    updateMoveButton();
}

void LifecyclePanel::setFirings(const QList<PlaybookFiring> &firings)
{
    m_firings->setFirings(firings);
}

void LifecyclePanel::showMoveResult(const QString &error)
{
    m_moveStatus->setText(error.isEmpty() ? QString() : tr("The stage was not moved: %1").arg(error));
    m_moveStatus->setVisible(!error.isEmpty());
    if (error.isEmpty())
        m_reason->clear();
    updateMoveButton();
}

void LifecyclePanel::updateMoveButton()
{
    const QString key = m_stage->currentData().toString();
    m_move->setEnabled(!key.isEmpty() && key != m_currentKey);
}
