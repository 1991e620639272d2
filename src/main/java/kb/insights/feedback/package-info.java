/**
 * "Was this article helpful?": the reader's answer checked ({@link kb.insights.feedback.FeedbackInput}),
 * the reader recognised for one day without a cookie or a stored address
 * ({@link kb.insights.feedback.ReaderIds}), and the vote queued for the database
 * ({@link kb.insights.feedback.Vote}) by the routes in {@link kb.insights.feedback.FeedbackRoutes}.
 */
package kb.insights.feedback;
