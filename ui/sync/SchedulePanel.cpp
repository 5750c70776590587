#include "SchedulePanel.h"

#include "session/WorkspaceSession.h"
#include "store/WorkspaceSettings.h"
#include "sync/SyncScheduler.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTimeEdit>

SchedulePanel::SchedulePanel(WorkspaceSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_mode(new QComboBox(this))
    , m_time(new QTimeEdit(this))
    , m_next(new QLabel(this))
{
    setObjectName(QStringLiteral("schedulePanel"));
    m_mode->setObjectName(QStringLiteral("scheduleComboBox"));
    m_time->setObjectName(QStringLiteral("scheduleTimeEdit"));
    m_next->setObjectName(QStringLiteral("nextScheduledSyncLabel"));
    m_mode->addItem(tr("Off"), QStringLiteral("off"));
    m_mode->addItem(tr("Every hour"), QStringLiteral("hourly"));
    m_mode->addItem(tr("Every day at"), QStringLiteral("daily"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    auto *label = new QLabel(tr("Scheduled sync:"), this);
    label->setBuddy(m_mode);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_mode);
    layout->addWidget(m_time);
    layout->addWidget(m_next, 1);

    load();
    connect(m_mode, &QComboBox::currentIndexChanged, this, &SchedulePanel::save);
    connect(m_time, &QTimeEdit::timeChanged, this, &SchedulePanel::save);
    connect(&m_session.settings(), &WorkspaceSettings::changed, this, [this](WorkspaceSettings::Key key) {
        if (key == WorkspaceSettings::Key::ScheduleMode || key == WorkspaceSettings::Key::ScheduleTime)
            load();
    });
    connect(&m_session.scheduler(), &SyncScheduler::nextDueChanged, this, &SchedulePanel::showNext);
    showNext(m_session.scheduler().isEnabled() ? m_session.scheduler().nextDue() : QDateTime());
}

void SchedulePanel::load()
{
    m_loading = true;
    const int index = m_mode->findData(m_session.settings().text(WorkspaceSettings::Key::ScheduleMode));
    m_mode->setCurrentIndex(index < 0 ? 0 : index);
    const QTime at = QTime::fromString(m_session.settings().text(WorkspaceSettings::Key::ScheduleTime),
                                       QStringLiteral("HH:mm"));
    m_time->setTime(at.isValid() ? at : QTime(6, 0));
    m_time->setEnabled(m_mode->currentData().toString() == QLatin1String("daily"));
    m_loading = false;
}

void SchedulePanel::save()
{
    if (m_loading)
        return;
    m_time->setEnabled(m_mode->currentData().toString() == QLatin1String("daily"));
    m_session.settings().setValues({{WorkspaceSettings::Key::ScheduleMode, m_mode->currentData().toString()},
                                    {WorkspaceSettings::Key::ScheduleTime, m_time->time().toString(QStringLiteral("HH:mm"))}});
}

void SchedulePanel::showNext(const QDateTime &next)
{
    if (!next.isValid()) {
        m_next->setText(m_mode->currentData().toString() == QLatin1String("off")
                            ? tr("Off: sync by hand, or from cron or systemd with the command line.")
                            : tr("Runs while Pendo Bridge is open."));
        return;
    }
    m_next->setText(tr("Next: %1 (while Pendo Bridge is open)")
                        .arg(QLocale().toString(next.toLocalTime(), QLocale::ShortFormat)));
}
