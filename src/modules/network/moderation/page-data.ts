// What the moderators' page of reported posts shows.
import type { PostReportReason } from '../network.vocabulary.ts';

export interface OpenPostReport {
  id: string;
  reason: PostReportReason;
  message: string;
  createdAt: Date;
  answerId: string | null;
  questionId: string;
  questionTitle: string;
  answerExcerpt: string | null;
  /** The post is hidden already (a report came before the hiding). */
  hidden: boolean;
}
