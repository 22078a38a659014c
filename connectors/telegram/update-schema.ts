import { z } from "zod";
import type { TgUpdate } from "./api.ts";

/**
 * The shape `parse` relies on, checked before it reads an update: the fields Telegram always
 * sends for the kinds we read, with their types. Everything else passes through as given (new
 * fields and unknown update kinds become "unsupported" messages, never errors).
 * https://core.telegram.org/bots/api#update
 */
const Text = z.string();
const User = z.looseObject({ id: z.number(), first_name: Text.optional(), last_name: Text.optional(), username: Text.optional() });
const Chat = z.looseObject({ id: z.number(), type: Text.optional(), title: Text.optional(), first_name: Text.optional(), last_name: Text.optional(), username: Text.optional() });
const File = z.looseObject({ file_id: Text, file_size: z.number().optional(), mime_type: Text.optional(), file_name: Text.optional(), duration: z.number().optional() });
const Point = z.looseObject({ latitude: z.number(), longitude: z.number() });

const Message = z.looseObject({
  message_id: z.number(),
  date: z.number(),
  edit_date: z.number().optional(),
  chat: Chat,
  from: User.optional(),
  reply_to_message: z.looseObject({ message_id: z.number() }).optional(),
  text: Text.optional(),
  caption: Text.optional(),
  photo: z.array(File.extend({ width: z.number().optional(), height: z.number().optional() })).optional(),
  sticker: File.extend({ emoji: Text.optional(), is_animated: z.boolean().optional(), is_video: z.boolean().optional(), thumbnail: File.optional() }).optional(),
  voice: File.optional(),
  audio: File.optional(),
  video: File.optional(),
  video_note: File.optional(),
  animation: File.optional(),
  document: File.optional(),
  location: Point.optional(),
  venue: z.looseObject({ location: Point, title: Text.optional(), address: Text.optional() }).optional(),
  contact: z.looseObject({ phone_number: Text, first_name: Text.optional(), last_name: Text.optional(), user_id: z.number().optional() }).optional(),
  poll: z.looseObject({ question: Text.optional() }).optional(),
  reply_markup: z.looseObject({ inline_keyboard: z.array(z.array(z.looseObject({ text: Text, callback_data: Text.optional() }))).optional() }).optional(),
});

const Member = z.looseObject({ status: Text });

export const UpdateSchema = z.looseObject({
  update_id: z.number(),
  message: Message.optional(),
  edited_message: Message.optional(),
  channel_post: Message.optional(),
  edited_channel_post: Message.optional(),
  callback_query: z.looseObject({ id: Text, from: User, message: Message.optional(), data: Text.optional(), game_short_name: Text.optional() }).optional(),
  my_chat_member: z.looseObject({ chat: Chat, from: User, date: z.number(), old_chat_member: Member, new_chat_member: Member }).optional(),
}) as unknown as z.ZodType<TgUpdate>;
