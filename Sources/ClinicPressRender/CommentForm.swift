import ClinicPressModel

/// The values of the comment form templates render (`partials/comment-form.mustache`) when `comments.endpoint` is
/// set: the post's own form (`post.comment_form`) and, on each approved comment, the form replying to it
/// (`reply_form`). Every key is always present, so a form inside a comment never reads a value of the post's.
struct CommentForm {
    /// `comments.endpoint`: where the form is sent.
    let action: String
    /// The slug of the post the form is on (the form's hidden `post` field).
    let post: String
    /// `comments.max_length`, for the text area's `maxlength`.
    let maxLength: Int

    /// The template values of the post's form (`comment` nil) or of the form replying to `comment`. `id_prefix` keeps
    /// the field ids of the forms on one page apart: `comment-name` in the post's form, `reply-<anchor>-name` in a reply.
    func values(replyingTo comment: PublishedComment?) -> [String: Any] {
        [
            "action": action,
            "post": post,
            "reply_to": comment?.id ?? "",
            "reply_to_author": comment?.author ?? "",
            "is_reply": comment != nil,
            "id_prefix": comment.map { "reply-\(Slug.make($0.id))" } ?? "comment",
            "max_length": maxLength,
            "author_max_length": CommentSettings.maxAuthorLength,
            "email_max_length": CommentSettings.maxEmailLength,
        ]
    }
}
