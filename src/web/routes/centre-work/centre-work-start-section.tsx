import {
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fetchCentreWorklist } from "../../api/centre-work";
import { useResource } from "../../api/use-resource";
import { LoadFailed } from "../../components/load-failed";
import { LoadingMessage } from "../../components/loading-message";
import { useFormatters } from "../../i18n/format";
import { can } from "../../session/capabilities";
import { useAuthenticatedUser } from "../../session/session-context";
import { TaskView } from "./case-centre-routes-section";
import { DueDate } from "./lateness";

/**
 * The centre's own work on the start page: its trajectories not done (overdue first, then those
 * not started, then by due date) and its tasks towards reporters and families.
 */
export function CentreWorkStartSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const canDo = can(useAuthenticatedUser(), "doCentreWork");
  const { resource, reload } = useResource("start-centre-work", fetchCentreWorklist);
  let content: ReactNode;
  if (resource.status === "loading") {
    content = <LoadingMessage />;
  } else if (resource.status !== "loaded") {
    content = (
      <LoadFailed error={resource.status === "failed" ? resource.error : undefined} onRetry={reload} />
    );
  } else {
    const { trajectories, tasks } = resource.data;
    content = (
      <>
        <Heading3>{t("centreWork.start.trajectories", { count: trajectories.length })}</Heading3>
        {trajectories.length === 0 ? (
          <Paragraph>{t("centreWork.start.noTrajectories")}</Paragraph>
        ) : (
          <UnorderedList className="schakel-plain-list">
            {trajectories.map((trajectory) => (
              <UnorderedListItem key={trajectory.id}>
                <Link to={`/zaken/${trajectory.caseId}`} className="utrecht-link">
                  {trajectory.caseReference}
                </Link>{" "}
                — {t(`centreWork.kind.${trajectory.kind}`)},{" "}
                {trajectory.status === "not-started" ? (
                  t("centreWork.start.notStarted", {
                    date: format.shortDate(trajectory.triagedOn),
                    count: trajectory.waitDays,
                  })
                ) : (
                  <>
                    {t("centreWork.start.dueOn")} <DueDate lateness={trajectory.lateness} isDone={false} />
                  </>
                )}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
        <Heading3>{t("centreWork.start.tasks", { count: tasks.length })}</Heading3>
        {tasks.length === 0 ? (
          <Paragraph>{t("centreWork.start.noTasks")}</Paragraph>
        ) : (
          <UnorderedList className="schakel-plain-list">
            {tasks.map((task) => (
              <UnorderedListItem key={task.id}>
                <Link
                  to={task.caseId === null ? `/meldingen/${task.reportId}` : `/zaken/${task.caseId}`}
                  className="utrecht-link"
                >
                  {task.caseReference === null
                    ? t("centreWork.start.report", { reference: task.reportReference })
                    : t("centreWork.start.case", { reference: task.caseReference })}
                </Link>
                : <TaskView task={task} canDo={canDo} onChanged={reload} />
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </>
    );
  }
  return (
    <section aria-labelledby="start-centre-work" className="schakel-start-section">
      <Heading2 id="start-centre-work">{t("centreWork.start.heading")}</Heading2>
      {content}
    </section>
  );
}
