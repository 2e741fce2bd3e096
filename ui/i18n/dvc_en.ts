<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>Accounts</name>
    <message>
        <location filename="../../egov/accounts.py" line="+74"/>
        <source>Tên đăng nhập hoặc mật khẩu không đúng. Hãy thử lại.</source>
        <translation>The user name or password is not correct. Please try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần. Hãy thử lại sau 15 phút.</source>
        <translation>This account is locked for now because the password was wrong too many times. Please try again in 15 minutes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tài khoản đã bị ngừng sử dụng. Hãy liên hệ người quản lý.</source>
        <translation>This account has been switched off. Please contact your manager.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Không có tài khoản này.</source>
        <translation>There is no such account.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không ngừng được tài khoản quản lý cuối cùng: sẽ không còn ai quản lý được các tài khoản.</source>
        <translation>The last manager account cannot be switched off: nobody would be left to manage the accounts.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mật khẩu hiện tại không đúng.</source>
        <translation>The current password is not correct.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mật khẩu mới phải khác mật khẩu hiện tại.</source>
        <translation>The new password must be different from the current password.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Tên đăng nhập gồm 3–32 chữ cái không dấu, chữ số, dấu chấm, gạch ngang.</source>
        <translation>A user name has 3–32 characters: letters without accents, digits, dots and hyphens.</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Mật khẩu cần ít nhất 8 ký tự.</source>
        <translation>The password needs at least 8 characters.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Hãy chọn vai trò của tài khoản.</source>
        <translation>Please choose a role for the account.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hãy nhập họ tên người dùng.</source>
        <translation>Please enter the user&apos;s full name.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tên đăng nhập này đã có. Hãy chọn tên khác.</source>
        <translation>This user name is already taken. Please choose another one.</translation>
    </message>
    <message>
        <location filename="../../agent_point/session_model.py" line="+36"/>
        <source>Đã tự đăng xuất vì không có thao tác trong %1 phút; hồ sơ đang nhập dở đã được bỏ. Hãy đăng nhập lại.</source>
        <translation>You were signed out because nothing was done for %1 minutes; the unfinished application was dropped. Please sign in again.</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Không đăng nhập được do lỗi hệ thống. Hãy thử lại hoặc báo người quản lý.</source>
        <translation>Could not sign in because of a system error. Please try again or tell your manager.</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../agent_point/accounts_model.py" line="+35"/>
        <source>Quản lý</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cán bộ tiếp nhận</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tình nguyện viên</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tạm khóa đến %1 (nhập sai mật khẩu)</source>
        <translation>Locked until %1 (wrong password)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngừng sử dụng</source>
        <translation>Switched off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chưa đăng nhập</source>
        <translation>never signed in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hai lần nhập mật khẩu không khớp. Hãy nhập lại.</source>
        <translation>The two passwords do not match. Please enter them again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã tạo tài khoản %1.</source>
        <translation>Account %1 has been created.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã mở khóa tài khoản %1.</source>
        <translation>Account %1 has been unlocked.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài khoản %1 không bị khóa.</source>
        <translation>Account %1 is not locked.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã ngừng tài khoản %1. Người này không đăng nhập được nữa.</source>
        <translation>Account %1 has been switched off. This person can no longer sign in.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã cho dùng lại tài khoản %1.</source>
        <translation>Account %1 has been switched on again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không có tài khoản %1. Danh sách đã được cập nhật.</source>
        <translation>There is no account %1. The list has been updated.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa làm được do lỗi hệ thống. Hãy thử lại.</source>
        <translation>This could not be done because of a system error. Please try again.</translation>
    </message>
</context>
<context>
    <name>AgentAccounts</name>
    <message>
        <location filename="../qml/pages/AgentAccounts.qml" line="+18"/>
        <location line="+9"/>
        <source>Thêm tài khoản</source>
        <translation>Add an account</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Tài khoản nhân viên</source>
        <translation>Staff accounts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu ít nhất 8 ký tự. Người dùng nên đổi mật khẩu sau lần đăng nhập đầu.</source>
        <translation>The password needs at least 8 characters. Users should change their password after they first sign in.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở khóa, ngừng hoặc cho dùng lại tài khoản. Mọi thao tác đều được ghi vào nhật ký.</source>
        <translation>Unlock, switch off or switch on accounts again. Every action is recorded in the log.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tạo tài khoản</source>
        <translation>Create the account</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+33"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>3–32 chữ cái không dấu, chữ số, dấu chấm hoặc gạch ngang, ví dụ canbo.an</source>
        <translation>3–32 letters without accents, digits, dots or hyphens, for example canbo.an</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+30"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+25"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Tình nguyện viên giúp công dân làm hồ sơ; không thu tiền, không tìm hồ sơ theo số định danh.</source>
        <translation>Volunteers help citizens with their applications; they do not take money and do not search for applications by ID number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người quản lý làm được mọi việc, kể cả quản lý tài khoản và hủy hồ sơ.</source>
        <translation>Managers can do everything, including managing accounts and cancelling applications.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cán bộ tiếp nhận hồ sơ, thu lệ phí và phí dịch vụ.</source>
        <translation>Agents receive applications and collect state fees and service charges.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhập lại mật khẩu</source>
        <translation>Enter the password again</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đăng nhập gần nhất</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> (bạn)</source>
        <translation> (you)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cho dùng lại</source>
        <translation>Switch on again</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ngừng sử dụng</source>
        <translation>Switch off</translation>
    </message>
</context>
<context>
    <name>AgentDossiers</name>
    <message>
        <location filename="../qml/pages/AgentDossiers.qml" line="+15"/>
        <source>Danh sách hồ sơ</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 hồ sơ</source>
        <translation>%1 application(s)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chờ gửi</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cần xử lý</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quá hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Chỉ cán bộ tiếp nhận hoặc người quản lý được gửi lại hồ sơ cần xử lý.</source>
        <translation>Only an agent or a supervisor may send an application that needs attention again.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Hủy hồ sơ %1: hồ sơ sẽ không được gửi nữa. Lý do:</source>
        <translation>Cancel application %1: it will no longer be sent. Reason:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Xác nhận hủy hồ sơ</source>
        <translation>Confirm the cancellation</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Không hủy</source>
        <translation>Do not cancel</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Không có hồ sơ nào trong mục này.</source>
        <translation>No applications here.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mã hồ sơ</source>
        <translation>Application code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trên cổng</source>
        <translation>At the portal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hẹn trả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Gửi lại</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hủy hồ sơ</source>
        <translation>Cancel the application</translation>
    </message>
</context>
<context>
    <name>AgentFeedback</name>
    <message>
        <location filename="../qml/pages/AgentFeedback.qml" line="+10"/>
        <source>Góp ý của người dân</source>
        <translation>Feedback from citizens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 góp ý chưa đọc</source>
        <translation>%1 unread comment(s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 góp ý, %2 chưa đọc</source>
        <translation>%1 comment(s), %2 unread</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chưa đọc</source>
        <translation>Unread</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Không có góp ý nào.</source>
        <translation>No comments here.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Đánh dấu đã đọc</source>
        <translation>Mark as read</translation>
    </message>
</context>
<context>
    <name>AgentHome</name>
    <message>
        <location filename="../qml/pages/AgentHome.qml" line="+7"/>
        <source>Hồ sơ tiếp nhận hôm nay</source>
        <translation>Applications received today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cán bộ: %1</source>
        <translation>Officer: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp nhận hồ sơ mới</source>
        <translation>Receive a new application</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hàng đợi</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Danh sách hồ sơ</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tìm hồ sơ</source>
        <translation>Find an application</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Góp ý</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Báo cáo cuối ngày</source>
        <translation>End-of-day report</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In bảng kê cuối ngày</source>
        <translation>Print the end-of-day slip</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Chưa có hồ sơ nào hôm nay.</source>
        <translation>No applications yet today.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Giờ</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mã hồ sơ</source>
        <translation>Application code</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> (ủy quyền: %1)</source>
        <translation> (authorised person: %1)</translation>
    </message>
</context>
<context>
    <name>AgentQueue</name>
    <message>
        <location filename="../qml/pages/AgentQueue.qml" line="+11"/>
        <source>Hàng đợi – %1</source>
        <translation>Queue – %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+118"/>
        <source>Không có ai đang chờ.</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>%1 người đang chờ.</source>
        <translation>Waiting: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gọi số tiếp theo</source>
        <translation>Call next number</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Đang phục vụ</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 – gọi lúc %2, đã chờ %3</source>
        <translation>%1 – called at %2, waited %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa gọi số nào đến quầy này. Bấm “Gọi số tiếp theo”.</source>
        <translation>No number has been called to this desk yet. Press “Call next number”.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tiếp nhận</source>
        <translation>Receive application</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gọi lại</source>
        <translation>Call again</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vắng mặt</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Phát số:</source>
        <translation>Issue a number:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Số</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dịch vụ</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lấy số lúc</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã chờ</source>
        <translation>Waited</translation>
    </message>
</context>
<context>
    <name>AgentReport</name>
    <message>
        <location filename="../qml/pages/AgentReport.qml" line="+11"/>
        <source>Báo cáo cuối ngày</source>
        <translation>End-of-day report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang lập báo cáo…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In bảng kê cuối ngày</source>
        <translation>Print the end-of-day slip</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Của tôi</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Toàn điểm tiếp nhận</source>
        <translation>Whole reception point</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lưu CSV</source>
        <translation>Save CSV</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Hồ sơ theo trạng thái</source>
        <translation>Applications by status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phí, lệ phí theo loại</source>
        <translation>Fees and charges by type</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Không có.</source>
        <translation>None.</translation>
    </message>
</context>
<context>
    <name>AgentSearch</name>
    <message>
        <location filename="../qml/pages/AgentSearch.qml" line="+15"/>
        <source>Hồ sơ %1</source>
        <translation>Application %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tìm hồ sơ của công dân</source>
        <translation>Find a citizen&apos;s application</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhập số định danh cá nhân (số CCCD, 12 chữ số) hoặc mã hồ sơ trên biên nhận.</source>
        <translation>Enter the personal ID number (CCCD number, 12 digits) or the application code on the receipt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập mã hồ sơ trên biên nhận của công dân.</source>
        <translation>Enter the application code on the citizen&apos;s receipt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In lại biên nhận</source>
        <translation>Print the receipt again</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tìm</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Số định danh cá nhân hoặc mã hồ sơ</source>
        <translation>Personal ID number or application code</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+12"/>
        <source>Mã hồ sơ</source>
        <translation>Application code</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Số định danh chỉ gồm chữ số; mã hồ sơ như H01.99-260212-0004 hoặc TN-1A2B3C4D.</source>
        <translation>An ID number has digits only; an application code looks like H01.99-260212-0004 or TN-1A2B3C4D.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ví dụ: H01.99-260212-0004 hoặc TN-1A2B3C4D.</source>
        <translation>For example: H01.99-260212-0004 or TN-1A2B3C4D.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đang tìm…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+53"/>
        <source>Ngày nộp</source>
        <translation>Date handed in</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+54"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-54"/>
        <location line="+55"/>
        <source>Trên cổng</source>
        <translation>At the portal</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+56"/>
        <source>Hẹn trả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+52"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Xem</source>
        <translation>View</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Thông tin cá nhân của hồ sơ này đã được xóa theo thời hạn lưu (Nghị định 13/2023), nên không in lại biên nhận được.</source>
        <translation>The personal details of this application were deleted at the end of the retention period (Decree 13/2023), so the receipt cannot be printed again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sự đồng ý của công dân</source>
        <translation>The citizen&apos;s consent</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Không có sự đồng ý nào được ghi nhận cho hồ sơ này.</source>
        <translation>No consent was recorded for this application.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chỉ cán bộ tiếp nhận hoặc người quản lý được ghi nhận việc rút lại đồng ý.</source>
        <translation>Only an agent or a manager may record that consent is withdrawn.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Đã rút lại lúc %1 (cán bộ %2)</source>
        <translation>Withdrawn at %1 (agent %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✓ Đồng ý lúc %1 (%2)</source>
        <translation>✓ Agreed at %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không đồng ý (%1)</source>
        <translation>Did not agree (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hồ sơ đã đến cơ quan: rút lại đồng ý không rút được hồ sơ đã gửi. Muốn rút hồ sơ, công dân liên hệ cơ quan giải quyết.</source>
        <translation>The application has reached the office: withdrawing consent does not withdraw an application already sent. To withdraw the application, the citizen must contact the office that handles it.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rút lại đồng ý</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Xác nhận công dân rút lại</source>
        <translation>Confirm the citizen withdraws it</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <location filename="../../hardware/scanner/camera.py" line="+52"/>
        <source>Không tìm thấy máy ảnh. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>The camera was not found. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Máy ảnh đang bận. Vui lòng chờ một lát rồi thử lại.</source>
        <translation>The camera is busy. Please wait a moment and try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy ảnh không phản hồi. Vui lòng thử lại hoặc báo cán bộ hướng dẫn.</source>
        <translation>The camera is not responding. Please try again or tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ảnh chụp bị lỗi. Vui lòng chụp lại.</source>
        <translation>The photo did not come out right. Please take it again.</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <location filename="../qml/pages/Card.qml" line="+16"/>
        <source>Kiểm tra thẻ vừa đọc</source>
        <translation>Check the card just read</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đang đọc thẻ…</source>
        <translation>Reading the card…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đặt thẻ căn cước lên đầu đọc</source>
        <translation>Place the ID card on the reader</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đang tìm mã QR trên thẻ…</source>
        <translation>Looking for the QR code on the card…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>So ảnh trong chip với người đang ngồi trước quầy.</source>
        <translation>Compare the chip&apos;s photo with the person at the desk.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xin giữ yên thẻ trên đầu đọc cho đến khi xong.</source>
        <translation>Please keep the card still on the reader until it is done.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giữ yên mặt trước của thẻ dưới máy ảnh, mã QR hướng lên.</source>
        <translation>Hold the front of the card still under the camera, QR code facing up.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rồi nhập 6 số cuối của số định danh, in ở mặt trước thẻ.</source>
        <translation>Then enter the last 6 digits of the ID number, printed on the front of the card.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đúng người, dùng dữ liệu ›</source>
        <translation>Right person, use the data ›</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đọc thẻ ›</source>
        <translation>Read the card ›</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Máy đang dùng thẻ mô phỏng (không phải thẻ thật): công dân MẪU, 6 số cuối là 000000.</source>
        <translation>This machine uses an emulated card (not a real one): the SAMPLE citizen, last 6 digits 000000.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>✓ Đã thấy thẻ trên đầu đọc.</source>
        <translation>✓ A card is on the reader.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa có thẻ trên đầu đọc.</source>
        <translation>There is no card on the reader yet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ Chưa thấy đầu đọc thẻ. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>⚠ No card reader found. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>⌫ Xóa số</source>
        <translation>⌫ Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Xóa hết</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>hoặc</source>
        <translation>or</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quét mã QR trên thẻ</source>
        <translation>Scan the QR code on the card</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đặt mặt trước của thẻ dưới máy ảnh, mã QR hướng lên.</source>
        <translation>Place the front of the card under the camera, QR code facing up.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Không đúng người, đọc lại</source>
        <translation>Wrong person, read again</translation>
    </message>
    <message>
        <location filename="../../hardware/card/errors.py" line="+29"/>
        <source>Không tìm thấy đầu đọc thẻ. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>No card reader found. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa có thẻ trên đầu đọc. Vui lòng đặt thẻ căn cước lên đầu đọc.</source>
        <translation>There is no card on the reader. Please place your ID card on the reader.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thẻ đã bị nhấc ra trước khi đọc xong. Vui lòng đặt lại thẻ và giữ yên.</source>
        <translation>The card was lifted before the read finished. Please place it again and keep it still.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đầu đọc thẻ không phản hồi. Vui lòng đặt lại thẻ rồi thử lại.</source>
        <translation>The card reader does not answer. Please place the card again and retry.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thẻ không chấp nhận mã vừa nhập. Vui lòng kiểm tra 6 số cuối của số định danh.</source>
        <translation>The card did not accept that number. Please check the last 6 digits of the ID number.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thẻ đã tạm khóa do nhập sai nhiều lần. Vui lòng nhờ cán bộ hỗ trợ.</source>
        <translation>The card is locked after too many wrong numbers. Please ask a staff member for help.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không đọc được loại thẻ này. Vui lòng dùng thẻ căn cước gắn chip.</source>
        <translation>This kind of card cannot be read. Please use a chip ID card.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đọc thẻ bị lỗi. Vui lòng đặt lại thẻ rồi thử lại.</source>
        <translation>Reading the card failed. Please place the card again and retry.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dữ liệu trong thẻ không khớp chữ ký số. Không dùng được dữ liệu này; vui lòng báo cán bộ.</source>
        <translation>The card&apos;s data does not match its digital signature. It cannot be used; please tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dữ liệu trong thẻ không đọc được. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>The card&apos;s data cannot be read. Please tell a staff member.</translation>
    </message>
    <message>
        <location filename="../../hardware/card/keys.py" line="+102"/>
        <source>Mã QR này không phải mã trên thẻ căn cước. Vui lòng quét mã QR ở mặt trước thẻ.</source>
        <translation>This QR code is not the one on an ID card. Please scan the QR code on the front of the card.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không đọc được thông tin trong mã QR của thẻ. Vui lòng quét lại hoặc nhập số định danh.</source>
        <translation>The card&apos;s QR code could not be read. Please scan again or enter the ID number.</translation>
    </message>
    <message>
        <location filename="../visit_model.py" line="+406"/>
        <source>đạt</source>
        <translation>passed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KHÔNG ĐẠT</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chưa kiểm tra được (chưa cài chứng thư gốc CSCA)</source>
        <translation>not checked (no CSCA root certificate installed)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dữ liệu khớp chữ ký số trong thẻ</source>
        <translation>Data match the card&apos;s digital signature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chữ ký của cơ quan cấp thẻ</source>
        <translation>Signature of the issuing authority</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuỗi chứng thư đến CSCA Việt Nam</source>
        <translation>Certificate chain to Vietnam&apos;s CSCA</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Số định danh và ngày sinh khớp giữa DG1 và DG13</source>
        <translation>ID number and birth date agree between DG1 and DG13</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Vui lòng nhập đủ 6 chữ số cuối của số định danh.</source>
        <translation>Please enter all 6 last digits of the ID number.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Thẻ cho phép thử thêm %1 lần.</source>
        <translation>The card allows %1 more tries.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>✓ Đã đọc mã QR trên thẻ của %1.</source>
        <translation>✓ Read the QR code on the card of %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mã QR vừa quét không phải mã trên thẻ căn cước. Hãy đặt mặt trước của thẻ dưới máy ảnh, mã QR hướng lên, rồi bấm quét lại.</source>
        <translation>The QR code just scanned is not an ID card&apos;s. Place the front of the card under the camera, QR code facing up, then scan again.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chưa thấy mã QR. Đặt mặt trước của thẻ dưới máy ảnh, mã QR hướng lên, giữ yên rồi bấm quét lại; hoặc nhập 6 số cuối của số định danh.</source>
        <translation>No QR code seen yet. Place the front of the card under the camera, QR code facing up, hold it still and scan again; or enter the last 6 digits of the ID number.</translation>
    </message>
</context>
<context>
    <name>Cases</name>
    <message>
        <location filename="../../agent_point/session_model.py" line="-96"/>
        <source>Đã in bảng kê cuối ngày.</source>
        <translation>The end-of-day slip has been printed.</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <location filename="../qml/pages/Check.qml" line="+7"/>
        <source>Kiểm tra lại trước khi nộp</source>
        <translation>Check everything before you submit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nếu có thông tin chưa đúng, bấm “Sửa” ở dòng đó.</source>
        <translation>If something is not right, press “Edit” on that line.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thông tin đã đúng ›</source>
        <translation>Everything is correct ›</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ảnh trong chip thẻ căn cước</source>
        <translation>Photo in the ID card&apos;s chip</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ẩn ảnh</source>
        <translation>Hide photo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Xem ảnh</source>
        <translation>Show photo</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="+137"/>
        <source>Đọc từ chip thẻ căn cước</source>
        <translation>Read from the chip of the ID card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập tay — cán bộ đã đối chiếu thẻ</source>
        <translation>Typed in — the agent checked the card</translation>
    </message>
    <message>
        <location line="+451"/>
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Thông tin lấy từ</source>
        <translation>Details taken from</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Người được ủy quyền</source>
        <translation>Authorised person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quan hệ với chủ hồ sơ</source>
        <translation>Relationship to the applicant</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chứng thực ủy quyền</source>
        <translation>Authorisation certified</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lệ phí</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tờ khai</source>
        <translation>Application form</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Giấy tờ</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n} trang</source>
        <translation>{n} page(s)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hồ sơ giấy đã nhận</source>
        <translation>Paper documents received</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Gửi hồ sơ giấy qua bưu điện</source>
        <translation>Send the paper documents by post</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không gửi qua bưu điện</source>
        <translation>Not sent by post</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cách gửi</source>
        <translation>How it is sent</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <location filename="../qml/pages/Checklist.qml" line="+13"/>
        <source>Kiểm tra giấy tờ với người dân</source>
        <translation>Check the documents with the citizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đối chiếu từng giấy tờ theo danh mục của thủ tục: đánh dấu đã nhận, số bản chính và bản sao.</source>
        <translation>Check each document against the list for the procedure: mark it received, and count the originals and copies.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục ›</source>
        <translation>Continue ›</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Bớt một %1</source>
        <translation>One less: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Thêm một %1</source>
        <translation>One more: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Thiếu giấy tờ bắt buộc thì hồ sơ chưa nộp được. In phiếu hướng dẫn để người dân mang đủ giấy tờ lần sau.</source>
        <translation>If a required document is missing, the application cannot be submitted yet. Print the guidance slip so the citizen brings all the documents next time.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In phiếu hướng dẫn</source>
        <translation>Print the guidance slip</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kết thúc hồ sơ</source>
        <translation>End this application</translation>
    </message>
    <message>
        <location line="+30"/>
        <source> (bắt buộc)</source>
        <translation> (required)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> (nếu có)</source>
        <translation> (if any)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Theo danh mục: %1 bản chính, %2 bản sao</source>
        <translation>The list asks for: originals %1, copies %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>✗ Thiếu — hồ sơ chưa nộp được</source>
        <translation>✗ Missing — the application cannot be submitted yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✓ Đã nhận</source>
        <translation>✓ Received</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chưa đánh dấu</source>
        <translation>Not marked yet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản sao</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thiếu</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Hồ sơ giấy</source>
        <translation>Paper documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không gửi qua bưu điện</source>
        <translation>Not sent by post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gửi hồ sơ giấy qua bưu điện</source>
        <translation>Send the paper documents by post</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sau khi nộp, cho giấy tờ vào phong bì, niêm phong trước mặt người dân và nhập số hiệu bưu gửi.</source>
        <translation>After submitting, put the documents in an envelope, seal it in front of the citizen and enter the tracking number.</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="-610"/>
        <source>Hãy đánh dấu “Đã nhận” hoặc “Thiếu” cho: {name}</source>
        <translation>Please mark “Received” or “Missing” for: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thiếu giấy tờ bắt buộc: {names}. Hồ sơ chưa nộp được. Hãy hướng dẫn người dân bổ sung (in phiếu hướng dẫn), rồi bấm “Kết thúc hồ sơ”.</source>
        <translation>Required documents are missing: {names}. The application cannot be submitted yet. Please tell the citizen what to bring (print the guidance slip), then press “End this application”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Thủ tục này không nhận hồ sơ qua bưu điện.</source>
        <translation>This procedure does not accept applications by post.</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <location filename="../qml/pages/Consent.qml" line="+12"/>
        <source>Bạn có đồng ý không?</source>
        <translation>Do you agree?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn cho từng ý đúng như người dân đã đánh dấu trên phiếu.</source>
        <translation>For each point, choose exactly what the citizen marked on the paper form.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đọc từng ý và chọn Đồng ý hoặc Không đồng ý.</source>
        <translation>Read each point and choose “I agree” or “I do not agree”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nộp hồ sơ ›</source>
        <translation>Submit the application ›</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Người dân cho biết ý kiến bằng cách</source>
        <translation>The citizen gives their answer by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bấm trên màn hình</source>
        <translation>Pressing on the screen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ký trên màn hình</source>
        <translation>Signing on the screen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ký trên phiếu giấy</source>
        <translation>Signing a paper form</translation>
    </message>
    <message>
        <location line="+19"/>
        <source> (bắt buộc để nộp hồ sơ)</source>
        <translation> (needed to submit the application)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> (không bắt buộc)</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đồng ý</source>
        <translation>I agree</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không đồng ý</source>
        <translation>I do not agree</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mời người dân ký vào khung dưới đây để xác nhận các ý đã đồng ý.</source>
        <translation>Please ask the citizen to sign in the box below to confirm the points they agreed to.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Xóa chữ ký, ký lại</source>
        <translation>Clear the signature and sign again</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In phiếu đồng ý</source>
        <translation>Print the consent form</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã nhận phiếu có chữ ký</source>
        <translation>Signed form received</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Giữ phiếu đã ký cùng hồ sơ giấy. Người dân có thể rút lại sự đồng ý tại điểm tiếp nhận.</source>
        <translation>Keep the signed form with the paper documents. The citizen can withdraw consent at the reception point.</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="-37"/>
        <source>Tôi đồng ý gửi thông tin cá nhân và giấy tờ trong hồ sơ này đến cơ quan giải quyết thủ tục. Ảnh giấy tờ được xóa khỏi máy sau khi cơ quan đã nhận hồ sơ.</source>
        <translation>I agree to send the personal information and documents in this application to the office that handles the procedure. The photos of the documents are deleted from this machine once the office has received the application.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tôi đồng ý để cơ quan dùng số điện thoại của tôi để báo tình trạng hồ sơ.</source>
        <translation>I agree that the office may use my phone number to tell me how my application is progressing.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cần có sự đồng ý gửi hồ sơ thì mới nộp được. Nếu chưa muốn nộp, hãy bấm Quay lại.</source>
        <translation>The application can only be submitted if you agree to send it. If you do not want to submit it yet, press Back.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Hãy mời người dân ký vào khung chữ ký, hoặc chọn cách ghi nhận khác.</source>
        <translation>Please ask the citizen to sign in the signature box, or choose another way to record the answer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hãy xác nhận đã nhận phiếu đồng ý có chữ ký của người dân, hoặc chọn cách ghi nhận khác.</source>
        <translation>Please confirm that you have received the consent form signed by the citizen, or choose another way to record the answer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ở ki-ốt, người dân chọn đồng ý ngay trên màn hình.</source>
        <translation>At the kiosk, citizens choose “I agree” right on the screen.</translation>
    </message>
</context>
<context>
    <name>Delegate</name>
    <message>
        <location filename="../qml/pages/Delegate.qml" line="+30"/>
        <source>Ai đang nộp hồ sơ tại quầy?</source>
        <translation>Who is handing in the application?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thủ tục: %1</source>
        <translation>Procedure: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục ›</source>
        <translation>Continue ›</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Thủ tục này không được ủy quyền: chỉ chính chủ hồ sơ được nộp.</source>
        <translation>This procedure cannot be done by an authorised person: only the applicant in person can hand it in.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Người nộp</source>
        <translation>Handed in by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chính chủ hồ sơ</source>
        <translation>The applicant in person</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Người được ủy quyền</source>
        <translation>An authorised person</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../egov/visit.py" line="-48"/>
        <source>Thủ tục này không được ủy quyền: người có tên trong hồ sơ phải tự đến nộp.</source>
        <translation>Nobody else can do this procedure for you: the person named in the application must come in person.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hãy hẹn chủ hồ sơ tự đến quầy. Nếu chính chủ đang ở đây, chọn “Chính chủ hồ sơ”; nếu không, bấm “Kết thúc hồ sơ”.</source>
        <translation>Please ask the applicant to come to the desk in person. If the applicant is here, choose “The applicant in person”; if not, press “End this application”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kết thúc hồ sơ</source>
        <translation>End this application</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Họ tên người được ủy quyền</source>
        <translation>Full name of the authorised person</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số định danh người được ủy quyền</source>
        <translation>ID number of the authorised person</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Người được ủy quyền là gì của chủ hồ sơ?</source>
        <translation>How is the authorised person related to the applicant?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Không phải người thân: văn bản ủy quyền phải được chứng thực (công chứng hoặc chứng thực chữ ký).</source>
        <translation>Not a family member: the letter of authorisation must be certified (by a notary or by certifying the signature).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người thân (ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột): văn bản ủy quyền không cần chứng thực.</source>
        <translation>Family member (grandparent, parent, child, husband or wife, brother or sister): the letter of authorisation does not need to be certified.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Văn bản ủy quyền đã được chứng thực</source>
        <translation>The letter of authorisation has been certified</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Văn bản ủy quyền được chụp cùng các giấy tờ khác ở bước sau.</source>
        <translation>The letter of authorisation is photographed with the other documents in a later step.</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Số điện thoại</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="+3"/>
        <source>Hãy chọn người được ủy quyền là gì của chủ hồ sơ.</source>
        <translation>Please choose how the authorised person is related to the applicant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người được ủy quyền không phải người thân: văn bản ủy quyền phải được chứng thực. Nếu văn bản chưa được chứng thực thì chưa nhận hồ sơ được.</source>
        <translation>The authorised person is not a family member: the letter of authorisation must be certified. If it has not been certified, the application cannot be received yet.</translation>
    </message>
    <message>
        <location line="+282"/>
        <source>Hãy nhập họ tên người được ủy quyền.</source>
        <translation>Please enter the full name of the authorised person.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Số định danh của người được ủy quyền gồm 12 chữ số.</source>
        <translation>The ID number of the authorised person has 12 digits.</translation>
    </message>
    <message>
        <location filename="../../egov/delegation.py" line="+62"/>
        <source>Vợ hoặc chồng</source>
        <translation>Husband or wife</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cha hoặc mẹ</source>
        <translation>Father or mother</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Con</source>
        <translation>Child</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anh, chị, em ruột</source>
        <translation>Brother or sister</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ông hoặc bà</source>
        <translation>Grandfather or grandmother</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người khác</source>
        <translation>Someone else</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không cần chứng thực (người thân)</source>
        <translation>No certification needed (family member)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã chứng thực</source>
        <translation>Certified</translation>
    </message>
</context>
<context>
    <name>DisplayToggles</name>
    <message>
        <location filename="../qml/components/DisplayToggles.qml" line="+39"/>
        <source>Chữ to</source>
        <translation>Large text</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tương phản cao</source>
        <translation>High contrast</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../qml/pages/Documents.qml" line="+19"/>
        <source>Chụp giấy tờ</source>
        <translation>Photograph your documents</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Chụp lại trang %1: %2</source>
        <translation>Retake page %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chụp: %1</source>
        <translation>Photograph: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉnh bốn góc tờ giấy</source>
        <translation>Adjust the four corners of the paper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xem lại: %1</source>
        <translation>Review: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đặt tờ giấy dưới máy ảnh. Máy tự chụp khi tờ giấy nằm yên, hoặc bấm “Chụp”.</source>
        <translation>Place the paper under the camera. It is taken by itself when the paper lies still, or press “Take”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đặt tờ giấy lên mặt bàn dưới máy ảnh, mặt có chữ hướng lên. Máy sẽ tự chụp khi tờ giấy nằm yên.</source>
        <translation>Lay the paper on the table under the camera, printed side up. It is taken by itself when the paper lies still.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kéo bốn chấm tròn vào đúng bốn góc tờ giấy (hoặc chạm vào chỗ góc đúng), rồi bấm “Dùng ảnh này”.</source>
        <translation>Drag the four round handles onto the four corners of the paper (or tap where a corner is), then press “Use this picture”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xem lại từng trang. Nếu ảnh mờ hoặc thiếu chữ, bấm “Chụp lại”.</source>
        <translation>Check each page. If a picture is blurred or cuts off text, press “Retake”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn từng giấy tờ để chụp. Máy ảnh tự chụp khi tờ giấy nằm yên.</source>
        <translation>Choose each document to photograph. The camera takes the picture when the paper lies still.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+75"/>
        <source>Chụp</source>
        <translation>Take</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Chụp ngay</source>
        <translation>Take now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dùng ảnh này ›</source>
        <translation>Use this picture ›</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xong giấy tờ này ›</source>
        <translation>Done with this document ›</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục ›</source>
        <translation>Continue ›</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>(Nếu có) </source>
        <translation>(If you have it) </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bản chính: %1 · Bản sao: %2</source>
        <translation>Originals: %1 · Copies: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>✓ Đã chụp %1 trang</source>
        <translation>✓ %1 pages taken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chưa chụp</source>
        <translation>Not taken yet</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Xem lại</source>
        <translation>Review</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Đã chụp %1 trang của giấy tờ này.</source>
        <translation>%1 pages of this document taken.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa chụp trang nào của giấy tờ này.</source>
        <translation>No page of this document taken yet.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>✓ Ảnh đạt yêu cầu.</source>
        <translation>✓ The picture is good.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chụp lại</source>
        <translation>Retake</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Giấy tờ này chưa có trang nào.</source>
        <translation>This document has no pages yet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>+ Chụp thêm trang</source>
        <translation>+ Take another page</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="-291"/>
        <source>Hãy chụp ít nhất một trang cho: {name}</source>
        <translation>Please photograph at least one page of: {name}</translation>
    </message>
</context>
<context>
    <name>Dossiers</name>
    <message>
        <location filename="../../agent_point/dossier_list.py" line="+49"/>
        <source>Tình nguyện viên không được gửi lại hồ sơ cần xử lý. Hãy báo cán bộ tiếp nhận hoặc người quản lý.</source>
        <translation>Volunteers may not send an application that needs attention again. Please tell an agent or the supervisor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã đưa hồ sơ %1 vào hàng đợi để gửi lại.</source>
        <translation>Application %1 is back in the queue to be sent again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ này không còn ở trạng thái cần xử lý. Danh sách đã được cập nhật.</source>
        <translation>This application no longer needs attention. The list has been updated.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không đọc được danh sách hồ sơ. Hãy thử lại.</source>
        <translation>The list of applications could not be read. Please try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa gửi lại được hồ sơ. Hãy thử lại.</source>
        <translation>The dossier could not be queued again. Please try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QUÁ HẠN</source>
        <translation>LATE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(đã xóa theo thời hạn lưu)</source>
        <translation>(deleted at the end of the retention period)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã hủy hồ sơ %1. Hồ sơ sẽ không được gửi nữa.</source>
        <translation>Application %1 has been cancelled. It will no longer be sent.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa hủy được hồ sơ. Hãy thử lại.</source>
        <translation>The application could not be cancelled. Please try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hãy chọn lý do hủy hồ sơ.</source>
        <translation>Please choose why the application is cancelled.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Công dân không nộp nữa</source>
        <translation>The citizen no longer wants to apply</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trùng với hồ sơ đã nộp</source>
        <translation>Same as an application already handed in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn sai thủ tục, sẽ lập hồ sơ khác</source>
        <translation>Wrong procedure chosen; a new application will be made</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy tờ không hợp lệ</source>
        <translation>The documents are not valid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã nộp trực tiếp tại cơ quan</source>
        <translation>Handed in directly at the office</translation>
    </message>
</context>
<context>
    <name>Fee</name>
    <message>
        <location filename="../qml/pages/Fee.qml" line="+16"/>
        <location line="+61"/>
        <location line="+96"/>
        <source>Chuyển khoản bằng mã QR</source>
        <translation>Pay by bank transfer with the QR code</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>Lệ phí</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lệ phí và phí dịch vụ</source>
        <translation>State fee and service charge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thủ tục: %1</source>
        <translation>Procedure: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đã thấy chuyển khoản thành công ›</source>
        <translation>Transfer seen as successful ›</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In phiếu hẹn ›</source>
        <translation>Print the receipt ›</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục ›</source>
        <translation>Continue ›</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Lệ phí nộp cho cơ quan nhà nước</source>
        <translation>State fee, paid to the government office</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Lệ phí này do tỉnh quy định. Cán bộ sẽ báo số tiền, và bạn nộp tại quầy khi nhận kết quả.</source>
        <translation>The province sets this fee. Staff will tell you the amount, and you pay it at the desk when you collect the result.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bạn muốn nộp lệ phí bằng cách nào?</source>
        <translation>How would you like to pay the fee?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nộp tại quầy khi nhận kết quả</source>
        <translation>Pay at the desk when I collect the result</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Số tiền lệ phí đã xác nhận (đồng)</source>
        <translation>Confirmed fee amount (dong)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Xác nhận số tiền</source>
        <translation>Confirm the amount</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Không thu khoản này.</source>
        <translation>Nothing to collect for this.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Thu tiền mặt</source>
        <translation>Take cash</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Tình nguyện viên không thu tiền mặt: người dân chuyển khoản bằng mã QR, hoặc nộp khi nhận kết quả.</source>
        <translation>Volunteers do not take cash: the citizen pays by QR transfer, or pays when collecting the result.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tài khoản đào tạo — không chuyển tiền thật</source>
        <translation>Training account — do not send real money</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đang tạo mã thanh toán…</source>
        <translation>Making the payment code…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Số tiền</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngân hàng</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số tài khoản</source>
        <translation>Account number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ tài khoản</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung chuyển khoản</source>
        <translation>Transfer description</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Người dân quét mã bằng ứng dụng ngân hàng. Chỉ bấm “Đã thấy chuyển khoản thành công” sau khi đã xem màn hình báo thành công trên điện thoại của người dân.</source>
        <translation>The citizen scans the code with their banking app. Only press “Transfer seen as successful” after you have seen the success screen on the citizen&apos;s phone.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở ứng dụng ngân hàng và quét mã. Nếu không quét được, hãy nhập số tài khoản và nội dung như trên. Máy không biết được tiền đã đến hay chưa: phiếu hẹn ghi “chưa xác nhận” và in mã QR này để bạn nộp sau.</source>
        <translation>Open your banking app and scan the code. If it will not scan, type the account number and description shown here. This machine cannot see whether the money has arrived: the receipt says “not confirmed” and has this QR code on it so you can pay later.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kiểm tra đã nộp chưa</source>
        <translation>Check whether it is paid</translation>
    </message>
    <message>
        <location filename="../fee_model.py" line="+40"/>
        <source>nộp cho cơ quan nhà nước</source>
        <translation>paid to the government office</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>của điểm tiếp nhận, tách riêng với lệ phí</source>
        <translation>for this service point, separate from the state fee</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cổng thanh toán chưa báo đã nộp. Hãy chờ một chút rồi kiểm tra lại.</source>
        <translation>The payment service has not reported the payment yet. Please wait a little and check again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cổng thanh toán báo giao dịch không thành công hoặc đã hết hạn. Hãy tạo lại mã, hoặc nộp tại quầy.</source>
        <translation>The payment service says the payment failed or has expired. Please make a new code, or pay at the desk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã có lỗi. Xin hãy thử lại hoặc chọn nộp tại quầy.</source>
        <translation>Something went wrong. Please try again, or choose to pay at the desk.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>✓ Đã thu tiền mặt — %1</source>
        <translation>✓ Cash taken — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../qml/pages/Fee.qml" line="-109"/>
        <source>Nộp khi nhận kết quả</source>
        <translation>Pay when collecting the result</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ Đã nộp qua cổng thanh toán</source>
        <translation>✓ Paid through the payment service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qua cổng thanh toán — chưa xác nhận</source>
        <translation>Through the payment service — not confirmed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ Chuyển khoản — cán bộ %1 đã xem trên điện thoại</source>
        <translation>✓ Transfer — staff member %1 saw it on the phone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chuyển khoản — chưa xác nhận</source>
        <translation>Transfer — not confirmed</translation>
    </message>
    <message>
        <location line="+225"/>
        <source>Hãy xác nhận số tiền lệ phí trước.</source>
        <translation>Please confirm the fee amount first.</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="+65"/>
        <source>Tình nguyện viên không được thu tiền mặt. Hãy để người dân chuyển khoản bằng mã QR, hoặc nộp khi nhận kết quả.</source>
        <translation>Volunteers may not take cash. Please let the citizen pay by QR transfer, or pay when collecting the result.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ki-ốt không nhận tiền mặt. Hãy chuyển khoản bằng mã QR, hoặc nộp tại quầy khi nhận kết quả.</source>
        <translation>This kiosk does not take cash. Please pay by QR transfer, or at the desk when you collect the result.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Khoản này không nộp được bằng chuyển khoản ở đây. Hãy chọn cách nộp khác.</source>
        <translation>This cannot be paid by transfer here. Please choose another way to pay.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lệ phí này do tỉnh quy định: hãy nhập số tiền đã xác nhận trước khi thu.</source>
        <translation>The province sets this fee: please enter the confirmed amount before taking it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hãy nhập số tiền bằng chữ số, ví dụ 100000.</source>
        <translation>Please enter the amount in digits, for example 100000.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số tiền của khoản này đã biết, không cần nhập.</source>
        <translation>The amount of this charge is already known; there is nothing to enter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hãy chọn cách nộp lệ phí.</source>
        <translation>Please choose how the state fee is paid.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hãy chọn cách nộp phí dịch vụ.</source>
        <translation>Please choose how the service charge is paid.</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <location filename="../feedback_model.py" line="+38"/>
        <source>Chưa gửi được góp ý. Hãy bấm “Gửi góp ý” lần nữa hoặc “Gọi nhân viên hỗ trợ”.</source>
        <translation>Your feedback could not be sent. Please press “Send feedback” again, or “Call staff for help”.</translation>
    </message>
    <message>
        <location filename="../../egov/feedback.py" line="+57"/>
        <source>Rất hài lòng</source>
        <translation>Very happy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hài lòng</source>
        <translation>Happy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bình thường</source>
        <translation>Average</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không hài lòng</source>
        <translation>Not happy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rất không hài lòng</source>
        <translation>Very unhappy</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phải chờ lâu</source>
        <translation>Long wait</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy khó dùng</source>
        <translation>The machine is hard to use</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thiếu hướng dẫn</source>
        <translation>Not enough guidance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy tờ, thủ tục phức tạp</source>
        <translation>Too many papers, complicated procedure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thái độ phục vụ</source>
        <translation>Staff attitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do khác</source>
        <translation>Something else</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hãy viết vài chữ góp ý rồi bấm “Gửi góp ý”.</source>
        <translation>Please write a few words, then press “Send feedback”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Góp ý dài quá 1000 chữ. Hãy viết ngắn lại rồi bấm “Gửi góp ý”.</source>
        <translation>Your feedback is longer than 1000 characters. Please make it shorter, then press “Send feedback”.</translation>
    </message>
</context>
<context>
    <name>FeedbackPage</name>
    <message>
        <location filename="../../agent_point/feedback_model.py" line="+31"/>
        <source>Chưa đọc</source>
        <translation>Unread</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã đọc lúc %1 (%2)</source>
        <translation>Read at %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không tải được góp ý. Hãy thử lại.</source>
        <translation>The feedback could not be loaded. Please try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa đánh dấu được. Hãy thử lại.</source>
        <translation>It could not be marked. Please try again.</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../qml/components/Field.qml" line="+45"/>
        <source>✓ Lấy từ thẻ</source>
        <translation>✓ Taken from the card</translation>
    </message>
</context>
<context>
    <name>Flow</name>
    <message>
        <location filename="../../egov/flow.py" line="+52"/>
        <source>Xác định người nộp</source>
        <translation>Who is applying</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn thủ tục</source>
        <translation>Choose the procedure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điền tờ khai</source>
        <translation>Fill in the form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chụp giấy tờ</source>
        <translation>Photograph documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kiểm tra và đồng ý</source>
        <translation>Check and agree</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nộp hồ sơ</source>
        <translation>Submit the application</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kiểm tra và chụp giấy tờ</source>
        <translation>Check and photograph documents</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <location filename="../qml/pages/Form.qml" line="+10"/>
        <source>Tờ khai: %1</source>
        <translation>Form: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tờ khai</source>
        <translation>Application form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các ô có dấu * là bắt buộc. Thông tin lấy từ thẻ đã được điền sẵn.</source>
        <translation>Boxes marked * must be filled in. Information from your card is already filled in.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thẻ căn cước đã cho đủ thông tin của tờ khai. Bạn sẽ xem lại ở trang kiểm tra.</source>
        <translation>Your ID card gave all the details the form needs. You will check them on the review page.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Câu %1/%2 của tờ khai %3.</source>
        <translation>Question %1 of %2 on the form for %3.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bắt buộc phải trả lời.</source>
        <translation>You must answer this.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Không bắt buộc: nếu không có, để trống và bấm “Tiếp tục”.</source>
        <translation>Optional: if you have nothing to enter, leave it empty and press “Continue”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục ›</source>
        <translation>Continue ›</translation>
    </message>
    <message>
        <location filename="../../egov/forms.py" line="+31"/>
        <source>Hãy nhập {label}.</source>
        <translation>Please enter {label}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hãy chọn {label}.</source>
        <translation>Please choose {label}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} dài quá {max_length} ký tự. Hãy viết ngắn lại.</source>
        <translation>{label} is longer than {max_length} characters. Please make it shorter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hãy nhập {label} theo dạng ngày/tháng/năm, ví dụ 05/09/2024.</source>
        <translation>Please enter {label} as day/month/year, for example 05/09/2024.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} không thể là ngày trong tương lai. Hãy kiểm tra lại.</source>
        <translation>{label} cannot be a date in the future. Please check it again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} không hợp lệ. Hãy kiểm tra lại năm.</source>
        <translation>{label} is not valid. Please check the year.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hãy nhập {label} chỉ bằng chữ số, ví dụ 2.</source>
        <translation>Please enter {label} using digits only, for example 2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} phải từ {min} trở lên. Hãy nhập lại số này.</source>
        <translation>{label} must be {min} or more. Please enter this number again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} không được lớn hơn {max}. Hãy nhập lại số này.</source>
        <translation>{label} must not be more than {max}. Please enter this number again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} gồm đúng 12 chữ số, in ở mặt trước thẻ căn cước. Hãy kiểm tra lại.</source>
        <translation>{label} has exactly 12 digits, printed on the front of the citizen ID card. Please check it again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{label} chưa đúng. Hãy nhập số điện thoại 10 chữ số bắt đầu bằng 0, ví dụ 0912 345 678.</source>
        <translation>{label} is not right. Please enter a 10-digit phone number starting with 0, for example 0912 345 678.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hãy chọn {label} trong danh sách.</source>
        <translation>Please choose {label} from the list.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} chưa đúng. Hãy kiểm tra lại.</source>
        <translation>{label} is not right. Please check it again.</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <location filename="../guide_model.py" line="+35"/>
        <source>Đang in hướng dẫn…</source>
        <translation>Printing the guide…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✓ Đã in hướng dẫn. Mời bạn lấy phiếu ở khe máy in.</source>
        <translation>✓ The guide has been printed. Please take the slip from the printer slot.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa in được hướng dẫn: %1</source>
        <translation>The guide could not be printed: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không biết phiếu đã in ra hay chưa. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>We cannot tell whether the slip was printed. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa in được hướng dẫn. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>The guide could not be printed. Please tell a staff member.</translation>
    </message>
    <message>
        <location filename="../qml/pages/Guide.qml" line="+13"/>
        <source>Hướng dẫn: %1</source>
        <translation>Guide: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã thủ tục %1. Mang đủ giấy tờ dưới đây rồi làm theo từng bước.</source>
        <translation>Procedure code %1. Bring all the documents below, then follow the steps one by one.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In hướng dẫn</source>
        <translation>Print the guide</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>1. Giấy tờ cần mang theo</source>
        <translation>1. Documents to bring</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>2. Các bước làm tại máy</source>
        <translation>2. Steps at the machine</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>3. Sau khi nộp hồ sơ</source>
        <translation>3. After you hand in the application</translation>
    </message>
    <message>
        <location filename="../../egov/guides.py" line="+51"/>
        <source>(chưa kiểm chứng)</source>
        <translation>(not verified)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hình vẽ chỉ để minh họa, không phải giấy tờ thật.</source>
        <translation>The drawings are only examples, not real documents.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Thẻ căn cước gắn chip, mặt trước</source>
        <translation>Chip ID card, front</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy chứng sinh của bệnh viện</source>
        <translation>Hospital birth notice (Giấy chứng sinh)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy chứng nhận kết hôn</source>
        <translation>Marriage certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Văn bản ủy quyền</source>
        <translation>Letter of authorisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ảnh 4x6</source>
        <translation>4x6 photo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tờ khai thay đổi thông tin cư trú (mẫu CT01)</source>
        <translation>Residence change declaration (form CT01)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tờ khai</source>
        <translation>Application form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy báo tử</source>
        <translation>Death notice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản án, quyết định của Tòa án</source>
        <translation>Court judgment or decision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy chứng nhận quyền sử dụng đất, nhà ở</source>
        <translation>Certificate of land use and house ownership</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hợp đồng</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy xác nhận tình trạng hôn nhân</source>
        <translation>Certificate of marital status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản sao giấy khai sinh</source>
        <translation>Copy of the birth certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản chính và bản sao</source>
        <translation>Original and copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Văn bản có chữ ký</source>
        <translation>Signed paper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy tờ</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đặt thẻ căn cước lên đầu đọc</source>
        <translation>Place the ID card on the reader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chạm vào màn hình để chọn</source>
        <translation>Touch the screen to choose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tờ khai trên màn hình</source>
        <translation>The form on the screen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giấy tờ dưới máy ảnh</source>
        <translation>Documents under the camera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kiểm tra lại thông tin</source>
        <translation>Check the details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nộp lệ phí</source>
        <translation>Pay the fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiếu hẹn in ra</source>
        <translation>The printed appointment slip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày hẹn trả kết quả</source>
        <translation>Date to collect the result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quầy trả kết quả</source>
        <translation>Results desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhận qua bưu điện</source>
        <translation>Delivery by post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phải tự đến</source>
        <translation>Come in person</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>%1 bản chính và %2 bản sao</source>
        <translation>Originals: %1, copies: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 bản chính</source>
        <translation>Originals: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bản sao</source>
        <translation>Copies: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mang theo để xuất trình</source>
        <translation>Bring it to show</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bắt buộc</source>
        <translation>Required</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nếu có</source>
        <translation>If you have it</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Thẻ căn cước của người nộp hồ sơ</source>
        <translation>The applicant&apos;s ID card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy đọc chip trên thẻ để điền sẵn họ tên, ngày sinh và nơi cư trú vào tờ khai.</source>
        <translation>The machine reads the card&apos;s chip to fill in your name, date of birth and address on the form.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Chạm “Chạm vào đây để bắt đầu”, chọn “Đọc thẻ căn cước gắn chip” rồi đặt thẻ lên đầu đọc.</source>
        <translation>Touch “Touch here to start”, choose “Read the chip ID card”, then place the card on the reader.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nhập 6 số cuối của số định danh in ở mặt trước thẻ. Không có thẻ gắn chip thì chọn “Nhập thông tin in trên thẻ căn cước”.</source>
        <translation>Enter the last 6 digits of the ID number printed on the front of the card. Without a chip card, choose “Type in the details printed on the citizen ID card”.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chọn thủ tục “%1”.</source>
        <translation>Choose the procedure “%1”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Có thể gõ tên thủ tục, có dấu hay không dấu đều được.</source>
        <translation>You can type the name of the procedure, with or without Vietnamese accents.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trả lời từng câu hỏi của tờ khai trên màn hình.</source>
        <translation>Answer the questions of the form on the screen, one by one.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thông tin trên thẻ đã được điền sẵn; bấm “Tiếp tục” sau mỗi trang.</source>
        <translation>The details from your card are already filled in; press “Continue” after each page.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đặt từng giấy tờ lên mặt bàn dưới máy ảnh, mặt có chữ hướng lên.</source>
        <translation>Lay each document on the table under the camera, printed side up.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Máy tự chụp khi tờ giấy nằm yên. Giấy tờ nhiều trang thì chụp từng trang.</source>
        <translation>The machine takes the picture when the paper lies still. For a document with several pages, photograph each page.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Xem lại thông tin, chạm “Thông tin đã đúng”, đồng ý cho gửi hồ sơ rồi chạm “Nộp hồ sơ”.</source>
        <translation>Check the details, touch “Everything is correct”, agree to send the application, then touch “Submit the application”.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lệ phí do tỉnh quy định: cán bộ báo số tiền, bạn nộp tại quầy khi nhận kết quả.</source>
        <translation>The province sets the fee: staff will tell you the amount, and you pay it at the desk when you collect the result.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nộp lệ phí %1: quét mã QR bằng ứng dụng ngân hàng, hoặc chọn “Nộp tại quầy khi nhận kết quả”.</source>
        <translation>Pay the fee of %1: scan the QR code with your banking app, or choose “Pay at the desk when I collect the result”.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lấy phiếu hẹn máy in ra và giữ lại.</source>
        <translation>Take the appointment slip from the printer and keep it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trên phiếu có mã hồ sơ, ngày hẹn trả kết quả và mã QR để tra cứu.</source>
        <translation>The slip shows the application code, the date to collect the result and a QR code to check progress.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cơ quan giải quyết trong %1 ngày làm việc; ngày hẹn in trên phiếu hẹn.</source>
        <translation>The office handles it in %1 working day(s); the date is printed on the appointment slip.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Có kết quả trong ngày.</source>
        <translation>The result is ready on the same day.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nhận kết quả tại bộ phận tiếp nhận và trả kết quả của %1.</source>
        <translation>Collect the result at the reception and results desk of %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kết quả: %1. Mang theo phiếu hẹn và thẻ căn cước khi đến nhận.</source>
        <translation>Result: %1. Bring the appointment slip and your ID card when you come to collect it.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Muốn nhận kết quả tại nhà qua bưu điện thì báo cán bộ; cước bưu chính tính riêng.</source>
        <translation>To get the result at home by post, tell the staff; postage is paid separately.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lệ phí: %1.</source>
        <translation>Fee: %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Người có tên trong hồ sơ phải tự đến; không nhờ người khác làm thay được.</source>
        <translation>The person named in the application must come in person; nobody else can do it for them.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Bản sao không có chứng thực thì mang theo bản chính để cán bộ đối chiếu.</source>
        <translation>If a copy is not certified, bring the original too, so the staff can compare them.</translation>
    </message>
</context>
<context>
    <name>GuideList</name>
    <message>
        <location filename="../qml/pages/GuideList.qml" line="+8"/>
        <source>Bạn cần hướng dẫn thủ tục nào?</source>
        <translation>Which procedure would you like a guide for?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn một thủ tục để xem giấy tờ cần mang theo và các bước làm tại máy.</source>
        <translation>Choose a procedure to see the documents to bring and the steps at the machine.</translation>
    </message>
</context>
<context>
    <name>Identify</name>
    <message>
        <location filename="../qml/pages/Identify.qml" line="+8"/>
        <source>Thông tin của người nộp hồ sơ</source>
        <translation>The applicant&apos;s details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn một cách dưới đây.</source>
        <translation>Choose one of the ways below.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đọc thẻ căn cước gắn chip</source>
        <translation>Read the chip ID card</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nhập thông tin in trên thẻ căn cước</source>
        <translation>Type in the details printed on the citizen ID card</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dùng công dân MẪU (để thử, không phải người thật)</source>
        <translation>Use the SAMPLE citizen (for practice, not a real person)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Máy không hỏi và không lưu mật khẩu VNeID của bạn.</source>
        <translation>This machine never asks for your VNeID password and never stores it.</translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <location filename="../../egov/identity.py" line="+33"/>
        <source>Số định danh cá nhân</source>
        <translation>Personal ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ, chữ đệm và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày, tháng, năm sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quốc tịch</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dân tộc</source>
        <translation>Ethnic group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tôn giáo</source>
        <translation>Religion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quê quán</source>
        <translation>Place of origin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nơi thường trú</source>
        <translation>Permanent address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày cấp</source>
        <translation>Date of issue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Có giá trị đến</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số CMND cũ</source>
        <translation>Old ID card number (CMND)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ tên cha</source>
        <translation>Father&apos;s full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ tên mẹ</source>
        <translation>Mother&apos;s full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ tên vợ/chồng</source>
        <translation>Husband&apos;s or wife&apos;s full name</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Số định danh cá nhân gồm đúng 12 chữ số, in ở mặt trước thẻ.</source>
        <translation>The personal ID number has exactly 12 digits, printed on the front of the card.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hãy nhập họ và tên như in trên thẻ.</source>
        <translation>Please enter the full name as printed on the card.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hãy nhập ngày sinh theo dạng ngày/tháng/năm, ví dụ 05/09/1958.</source>
        <translation>Please enter the date of birth as day/month/year, for example 05/09/1958.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ngày sinh không hợp lệ. Hãy kiểm tra lại.</source>
        <translation>This date of birth is not valid. Please check it again.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hãy chọn giới tính: Nam hoặc Nữ.</source>
        <translation>Please choose the sex: Male or Female.</translation>
    </message>
</context>
<context>
    <name>IdentityManual</name>
    <message>
        <location filename="../qml/pages/IdentityManual.qml" line="+8"/>
        <source>Nhập thông tin in trên thẻ căn cước</source>
        <translation>Type in the details printed on the citizen ID card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhìn mặt trước của thẻ và nhập đúng như trên thẻ.</source>
        <translation>Look at the front of the card and type exactly what is printed there.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục ›</source>
        <translation>Continue ›</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cán bộ đối chiếu từng dòng với thẻ của người dân. Hồ sơ và phiếu tiếp nhận sẽ ghi “Nhập tay — cán bộ đã đối chiếu thẻ”.</source>
        <translation>Staff: check each line against the citizen&apos;s card. The application and the receipt will say “Nhập tay — cán bộ đã đối chiếu thẻ” (typed in — the agent checked the card).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Số định danh cá nhân (12 chữ số)</source>
        <translation>Personal ID number (12 digits)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Họ, chữ đệm và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ngày sinh (ngày/tháng/năm)</source>
        <translation>Date of birth (day/month/year)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ví dụ: 05/09/1958</source>
        <translation>For example: 05/09/1958</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nơi thường trú</source>
        <translation>Permanent address</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <location filename="../qml/components/Keyboard.qml" line="+48"/>
        <location line="+4"/>
        <source>huyền</source>
        <translation>grave</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>sắc</source>
        <translation>acute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hỏi</source>
        <translation>hook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ngã</source>
        <translation>tilde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nặng</source>
        <translation>dot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>xóa dấu</source>
        <translation>no tone</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>⇧ HOA</source>
        <translation>⇧ CAPS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>⇧ Hoa</source>
        <translation>⇧ Caps</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+71"/>
        <source>⌫ Xóa</source>
        <translation>⌫ Delete</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Telex: Bật</source>
        <translation>Telex: On</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Telex: Tắt</source>
        <translation>Telex: Off</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>dấu cách</source>
        <translation>space</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+27"/>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>KioskPin</name>
    <message>
        <location filename="../../egov/kiosk_pin.py" line="+44"/>
        <source>Mã PIN phải có từ 6 đến 12 chữ số.</source>
        <translation>The PIN must have 6 to 12 digits.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã PIN quá dễ đoán (một số lặp lại hoặc các số liền nhau). Hãy chọn mã khác.</source>
        <translation>The PIN is too easy to guess (one digit repeated, or digits in a row). Please choose another one.</translation>
    </message>
</context>
<context>
    <name>Lockdown</name>
    <message>
        <location filename="../lockdown.py" line="+52"/>
        <source>Mã PIN không đúng. Còn %1 lần thử.</source>
        <translation>Wrong PIN. %1 tries left.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập sai quá nhiều lần. Bàn phím bị khóa đến %1.</source>
        <translation>Too many wrong tries. The keypad is locked until %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy chưa có mã PIN quản lý. Đặt mã bằng lệnh: dvc-kiosk kiosk set-pin</source>
        <translation>This kiosk has no supervisor PIN yet. Set one with the command: dvc-kiosk kiosk set-pin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mã PIN có từ %1 đến %2 chữ số.</source>
        <translation>The PIN has %1 to %2 digits.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa kiểm tra được mã PIN. Hãy thử lại.</source>
        <translation>The PIN could not be checked. Please try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang kiểm tra thiết bị…</source>
        <translation>Checking the devices…</translation>
    </message>
    <message>
        <location filename="../qml/components/Lockdown.qml" line="+32"/>
        <source>Mã PIN quản lý</source>
        <translation>Supervisor PIN</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Bảo trì ki-ốt</source>
        <translation>Kiosk maintenance</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ki-ốt đang mở khóa. Màn hình tự khóa lại sau 2 phút không chạm.</source>
        <translation>The kiosk is unlocked. The screen locks again after 2 minutes without a touch.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Thoát ứng dụng</source>
        <translation>Quit the kiosk program</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Khởi động lại</source>
        <translation>Restart</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kiểm tra thiết bị</source>
        <translation>Check the devices</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Lookup</name>
    <message>
        <location filename="../lookup_model.py" line="+53"/>
        <source>Mã hồ sơ chưa đúng. Hãy gõ đúng như trên phiếu hẹn, ví dụ H01.99-261123-0001 hoặc TN-1A2B3C4D.</source>
        <translation>That is not a application code. Type it as it is on the receipt, for example H01.99-261123-0001 or TN-1A2B3C4D.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hãy nhập đủ 4 chữ số cuối của số định danh cá nhân.</source>
        <translation>Please enter the last 4 digits of the personal ID number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa thấy mã QR. Đặt phiếu hẹn dưới máy ảnh, mã QR hướng lên, giữ yên rồi bấm quét lại; hoặc bấm “Nhập mã hồ sơ”.</source>
        <translation>No QR code seen. Lay the receipt under the camera, QR code up, hold it still and scan again; or tap “Type the application code”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mã QR vừa quét không phải mã trên phiếu hẹn. Hãy đặt phiếu hẹn dưới máy ảnh, mã QR hướng lên, rồi bấm quét lại.</source>
        <translation>That QR code is not the one on a receipt. Lay the receipt under the camera, QR code up, and scan again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✓ Thông tin mới nhất từ cổng dịch vụ công.</source>
        <translation>✓ The latest from the public service portal.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa kết nối được cổng dịch vụ công. Đây là thông tin cập nhật lần cuối lúc %1.</source>
        <translation>The public service portal cannot be reached now. This was last updated at %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa kết nối được cổng dịch vụ công, và máy chưa có thông tin mới về hồ sơ này.</source>
        <translation>The public service portal cannot be reached now, and this kiosk has no news of this application yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa tra cứu được. Xin hãy thử lại hoặc bấm “Gọi nhân viên hỗ trợ”.</source>
        <translation>The look-up did not work. Please try again or tap “Call staff for help”.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 ngày %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <location filename="../qml/pages/Lookup.qml" line="+10"/>
        <source>Đang tìm mã QR trên phiếu hẹn…</source>
        <translation>Looking for the QR code on the receipt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang tra cứu…</source>
        <translation>Looking it up…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tra cứu hồ sơ đã nộp</source>
        <translation>Look up an application you handed in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giữ yên phiếu hẹn dưới máy ảnh, mã QR hướng lên.</source>
        <translation>Hold the receipt still under the camera, QR code up.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy đang hỏi cổng dịch vụ công. Xin chờ một chút.</source>
        <translation>Asking the public service portal. Please wait a moment.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bạn cần phiếu hẹn đã nhận khi nộp hồ sơ.</source>
        <translation>You need the receipt you were given when you handed the application in.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quét mã QR trên phiếu hẹn</source>
        <translation>Scan the QR code on the receipt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đặt phiếu hẹn dưới máy ảnh, mã QR hướng lên, rồi chạm vào nút trên.</source>
        <translation>Lay the receipt under the camera, QR code up, then tap the button above.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nhập mã hồ sơ</source>
        <translation>Type the application code</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gõ mã hồ sơ in trên phiếu hẹn, rồi 4 số cuối của số định danh cá nhân.</source>
        <translation>Type the application code printed on the receipt, then the last 4 digits of the personal ID number.</translation>
    </message>
</context>
<context>
    <name>LookupCode</name>
    <message>
        <location filename="../qml/pages/LookupCode.qml" line="+7"/>
        <source>Nhập mã hồ sơ</source>
        <translation>Type the application code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã hồ sơ in trên phiếu hẹn, ví dụ H01.99-261123-0001. Hồ sơ chưa gửi được có số tham chiếu bắt đầu bằng TN-.</source>
        <translation>The application code is printed on the receipt, for example H01.99-261123-0001. An application not yet sent has a reference starting with TN-.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục ›</source>
        <translation>Continue ›</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mã hồ sơ</source>
        <translation>Application code</translation>
    </message>
</context>
<context>
    <name>LookupDigits</name>
    <message>
        <location filename="../qml/pages/LookupDigits.qml" line="+8"/>
        <source>Nhập 4 số cuối của số định danh cá nhân</source>
        <translation>Enter the last 4 digits of the personal ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang tra cứu… Máy đang hỏi cổng dịch vụ công.</source>
        <translation>Looking it up… Asking the public service portal.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số định danh cá nhân có 12 chữ số, in ở mặt trước thẻ căn cước của người nộp hồ sơ.</source>
        <translation>The personal ID number has 12 digits and is printed on the front of the applicant’s ID card.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tra cứu ›</source>
        <translation>Look up ›</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mã hồ sơ: %1</source>
        <translation>Application code: %1</translation>
    </message>
</context>
<context>
    <name>LookupResult</name>
    <message>
        <location filename="../qml/pages/LookupResult.qml" line="+11"/>
        <source>Tình trạng hồ sơ</source>
        <translation>Application status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Không tìm thấy hồ sơ</source>
        <translation>Application not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thử lại</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Từ ngày</source>
        <translation>Since</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày hẹn trả kết quả</source>
        <translation>Result due on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 – ĐÃ QUÁ HẠN</source>
        <translation>%1 – LATE</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="+13"/>
        <source>Dịch vụ công trực tuyến</source>
        <translation>Online public services</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Bạn có cần thêm thời gian không?</source>
        <translation>Do you need more time?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nếu không, sau %1 giây máy sẽ xóa thông tin bạn đã nhập và trở về trang đầu.</source>
        <translation>If not, in %1 seconds this machine will clear what you have entered and go back to the start.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Có, tôi cần thêm thời gian</source>
        <translation>Yes, I need more time</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kết thúc</source>
        <translation>No, finish now</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Phiên làm việc sắp kết thúc</source>
        <translation>Your session is about to end</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không có thao tác nào trong một lúc. Sau %1 giây máy sẽ đăng xuất và bỏ hồ sơ đang nhập dở.</source>
        <translation>Nothing has been done for a while. In %1 seconds you will be signed out and the unfinished application will be dropped.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tiếp tục làm việc</source>
        <translation>Keep working</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đã báo nhân viên hỗ trợ</source>
        <translation>A staff member has been called</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xin vui lòng chờ, nhân viên sẽ đến ngay. Thông tin bạn đã nhập vẫn được giữ nguyên.</source>
        <translation>Please wait, a staff member is on the way. Everything you have entered is kept.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã hiểu</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <location filename="../../egov/text.py" line="+38"/>
        <source>Miễn phí</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <location filename="../../egov/catalog.py" line="+28"/>
        <source>Theo mức thu do tỉnh quy định</source>
        <translation>As set by the province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khoảng {amount} (theo mức thu do tỉnh quy định)</source>
        <translation>About {amount} (as set by the province)</translation>
    </message>
    <message>
        <location filename="../../egov/fees.py" line="+44"/>
        <source>Lệ phí</source>
        <translation>State fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phí dịch vụ</source>
        <translation>Service charge</translation>
    </message>
</context>
<context>
    <name>OutOfService</name>
    <message>
        <location filename="../qml/pages/OutOfService.qml" line="+9"/>
        <source>Máy tạm ngừng phục vụ</source>
        <translation>This machine is out of service for now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xin lỗi, máy đang thiếu %1.</source>
        <translation>Sorry, this machine is missing its %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Xin mời ông/bà đến quầy tiếp nhận hồ sơ: cán bộ sẽ giúp làm thủ tục.</source>
        <translation>Please go to the reception desk: the staff there will help you with your procedure.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đường dây nóng: %1</source>
        <translation>Hotline: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Máy sẽ tự hoạt động lại khi thiết bị sẵn sàng.</source>
        <translation>The machine will work again by itself when the device is ready.</translation>
    </message>
</context>
<context>
    <name>Outage</name>
    <message>
        <location filename="../outage.py" line="+38"/>
        <source>máy in phiếu</source>
        <translation>slip printer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>đầu đọc thẻ căn cước</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>máy ảnh chụp giấy tờ</source>
        <translation>document camera</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Máy in</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đầu đọc thẻ</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy ảnh</source>
        <translation>Camera</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <location filename="../../egov/outbox.py" line="+83"/>
        <source>Hồ sơ đã được gửi đến cơ quan giải quyết.</source>
        <translation>Your application has been sent to the office that handles it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã ghi nhận hồ sơ. Hiện chưa kết nối được cổng dịch vụ công; hồ sơ sẽ tự gửi khi có mạng.</source>
        <translation>Your application has been recorded. The public services portal cannot be reached right now; the application will be sent by itself when the connection is back.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cổng dịch vụ công chưa nhận hồ sơ này. Cán bộ sẽ kiểm tra và liên hệ lại với bạn.</source>
        <translation>The public services portal has not accepted this application yet. A staff member will check it and contact you.</translation>
    </message>
</context>
<context>
    <name>PageCard</name>
    <message>
        <location filename="../qml/components/PageCard.qml" line="+28"/>
        <source>Trang %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>‹ Lên trước</source>
        <translation>‹ Move earlier</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ra sau ›</source>
        <translation>Move later ›</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chụp lại</source>
        <translation>Retake</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>PageFooter</name>
    <message>
        <location filename="../qml/components/PageFooter.qml" line="+54"/>
        <source>‹ Quay lại</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Gọi nhân viên hỗ trợ</source>
        <translation>Call staff for help</translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <location filename="../qml/components/PageHeader.qml" line="+65"/>
        <source>MẪU – dữ liệu thử</source>
        <translation>SAMPLE – practice data</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cán bộ: %1</source>
        <translation>Officer: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Bước %1/%2 – %3</source>
        <translation>Step %1 of %2 – %3</translation>
    </message>
</context>
<context>
    <name>Payment</name>
    <message>
        <location filename="../../egov/vietqr.py" line="+86"/>
        <source>Mã ngân hàng (BIN) phải gồm đúng 6 chữ số.</source>
        <translation>The bank code (BIN) must be exactly 6 digits.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không có ngân hàng nào mang mã BIN này trong danh sách ngân hàng. Hãy kiểm tra lại mã.</source>
        <translation>No bank in the bank list has this BIN. Please check the code.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Số tài khoản không hợp lệ: chỉ gồm chữ và số, không dấu cách, tối đa 19 ký tự.</source>
        <translation>Invalid account number: letters and digits only, no spaces, at most 19 characters.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Số thẻ không hợp lệ: phải gồm từ 16 đến 19 chữ số.</source>
        <translation>Invalid card number: it must have 16 to 19 digits.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số tiền phải là một số nguyên đồng, từ 1 đồng đến 9.999.999.999.999 đồng.</source>
        <translation>The amount must be a whole number of dong, from 1 to 9,999,999,999,999 dong.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nội dung chuyển khoản chỉ được có chữ không dấu, chữ số, dấu cách và các dấu câu thông thường.</source>
        <translation>The transfer description may only contain letters without accents, digits, spaces and ordinary punctuation.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nội dung chuyển khoản quá dài: tối đa 25 ký tự, tính sau khi bỏ dấu.</source>
        <translation>The transfer description is too long: at most 25 characters, counted after removing accents.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mã QR này không phải mã VietQR chuyển khoản hợp lệ.</source>
        <translation>This QR code is not a valid VietQR transfer code.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã QR này không phải mã chuyển khoản VietQR (NAPAS 247) bằng tiền đồng.</source>
        <translation>This QR code is not a VietQR (NAPAS 247) transfer in dong.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mã QR chuyển khoản bị sai mã kiểm tra. Hãy quét lại, hoặc tạo lại mã QR.</source>
        <translation>The transfer QR code has a wrong check code. Scan it again, or make a new QR code.</translation>
    </message>
    <message>
        <location filename="../../egov/payment.py" line="+71"/>
        <source>Khoản này chưa nộp được bằng chuyển khoản. Hãy nộp tại quầy khi nhận kết quả.</source>
        <translation>This cannot be paid by transfer yet. Please pay at the desk when you collect the result.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa kết nối được cổng thanh toán. Hãy thử lại sau ít phút, hoặc nộp tại quầy.</source>
        <translation>Cannot reach the payment service. Please try again in a few minutes, or pay at the desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cổng thanh toán trả lời quá chậm. Hãy thử lại sau ít phút, hoặc nộp tại quầy.</source>
        <translation>The payment service is answering too slowly. Please try again in a few minutes, or pay at the desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cổng thanh toán đang gặp sự cố. Hãy thử lại sau ít phút, hoặc nộp tại quầy.</source>
        <translation>The payment service has a problem. Please try again in a few minutes, or pay at the desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cổng thanh toán không nhận yêu cầu này. Hãy báo cán bộ, hoặc nộp tại quầy.</source>
        <translation>The payment service did not accept this request. Please tell staff, or pay at the desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cổng thanh toán trả lời không đúng quy định. Hãy báo cán bộ, hoặc nộp tại quầy.</source>
        <translation>The payment service gave an answer it should not. Please tell staff, or pay at the desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cổng thanh toán không tìm thấy giao dịch này. Hãy tạo lại mã thanh toán.</source>
        <translation>The payment service cannot find this payment. Please make a new payment code.</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../egov/permissions.py" line="+56"/>
        <source>Tài khoản của bạn không được làm việc này. Hãy nhờ cán bộ bưu điện hoặc người quản lý.</source>
        <translation>Your account may not do this. Please ask a post-office agent or the manager.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../qml/components/PinPad.qml" line="+30"/>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
</context>
<context>
    <name>Portal</name>
    <message>
        <location filename="../../egov/portal/client.py" line="+64"/>
        <source>Không kết nối được với cổng dịch vụ công. Hồ sơ của bạn đã được lưu và sẽ được gửi khi có mạng.</source>
        <translation>Cannot connect to the public services portal. Your application has been saved and will be sent when the connection is back.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cổng dịch vụ công chưa trả lời kịp. Hồ sơ của bạn đã được lưu và sẽ được gửi lại tự động.</source>
        <translation>The public services portal did not answer in time. Your application has been saved and will be sent again automatically.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Không tạo được kết nối an toàn với cổng dịch vụ công. Hồ sơ của bạn đã được lưu. Xin vui lòng báo nhân viên hỗ trợ.</source>
        <translation>Cannot make a secure connection to the public services portal. Your application has been saved. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Máy này chưa được phép gửi hồ sơ lên cổng dịch vụ công. Hồ sơ của bạn đã được lưu. Xin vui lòng báo nhân viên hỗ trợ.</source>
        <translation>This machine is not yet allowed to send applications to the public services portal. Your application has been saved. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cổng dịch vụ công chưa nhận hồ sơ vì có thông tin chưa hợp lệ. Xin vui lòng nhờ nhân viên hỗ trợ kiểm tra.</source>
        <translation>The public services portal did not accept the application because some information is not valid. Please ask a staff member to check it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không tìm thấy thông tin này trên cổng dịch vụ công. Xin vui lòng kiểm tra lại mã hồ sơ.</source>
        <translation>This information was not found on the public services portal. Please check the application code again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hồ sơ này đã được gửi trước đó với nội dung khác. Xin vui lòng nhờ nhân viên hỗ trợ kiểm tra.</source>
        <translation>This application was already sent before with different details. Please ask a staff member to check it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hồ sơ quá lớn để gửi. Xin vui lòng nhờ nhân viên hỗ trợ bớt số trang hoặc chụp lại giấy tờ.</source>
        <translation>The application is too large to send. Please ask a staff member to remove some pages or photograph the documents again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cổng dịch vụ công đang gặp sự cố. Hồ sơ của bạn đã được lưu và sẽ được gửi lại sau.</source>
        <translation>The public services portal is having a problem. Your application has been saved and will be sent again later.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cổng dịch vụ công trả lời không đúng quy định. Xin vui lòng báo nhân viên hỗ trợ.</source>
        <translation>The public services portal gave an answer that was not expected. Please tell a staff member.</translation>
    </message>
</context>
<context>
    <name>PortalStatus</name>
    <message>
        <location filename="../../egov/portal/contract.py" line="+82"/>
        <source>Mới đăng ký</source>
        <translation>Newly registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Được tiếp nhận</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không được tiếp nhận</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang xử lý</source>
        <translation>Being processed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yêu cầu bổ sung giấy tờ</source>
        <translation>More documents needed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yêu cầu thực hiện nghĩa vụ tài chính</source>
        <translation>Payment needed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công dân yêu cầu rút hồ sơ</source>
        <translation>Withdrawn at the citizen&apos;s request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dừng xử lý</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã xử lý xong</source>
        <translation>Processing finished</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã trả kết quả</source>
        <translation>Result handed over</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <location filename="../../hardware/printer/errors.py" line="+25"/>
        <source>Máy in chưa sẵn sàng. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>The printer is not ready. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Máy in hết giấy. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>The printer is out of paper. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nắp máy in đang mở. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>The printer cover is open. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Máy in không phản hồi. Phiếu có thể chưa được in; bạn có thể in lại.</source>
        <translation>The printer is not responding. The slip may not have been printed; you can print it again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Máy in chưa được cài đặt. Vui lòng báo cán bộ hướng dẫn.</source>
        <translation>The printer has not been set up. Please tell a staff member.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Máy in sắp hết giấy. Cán bộ hãy thay cuộn giấy mới.</source>
        <translation>The printer is running out of paper. Staff: please put in a new roll.</translation>
    </message>
    <message>
        <location filename="../../hardware/printer/station.py" line="+49"/>
        <source>Máy in sẵn sàng.</source>
        <translation>The printer is ready.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chưa biết máy in có sẵn sàng không. Nếu phiếu không ra, vui lòng báo cán bộ.</source>
        <translation>We cannot tell whether the printer is ready. If no slip comes out, please tell a staff member.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Máy in hết giấy khi đang in. Khi có giấy, phiếu có thể tự in tiếp; nếu không thấy phiếu, bấm “In lại phiếu hẹn” (phiếu in lại ghi “BẢN IN LẠI”).</source>
        <translation>The printer ran out of paper while printing. Once it has paper, the slip may finish printing by itself; if no slip comes out, press “Print the appointment slip again” (the new copy says “BẢN IN LẠI”, reprint).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Máy in không xác nhận đã in xong. Nếu không thấy phiếu, bấm “In lại phiếu hẹn” (phiếu in lại ghi “BẢN IN LẠI”).</source>
        <translation>The printer did not confirm that it finished. If no slip came out, press “Print the appointment slip again” (the new copy says “BẢN IN LẠI”, reprint).</translation>
    </message>
</context>
<context>
    <name>Procedure</name>
    <message>
        <location filename="../qml/pages/Procedure.qml" line="+8"/>
        <source>Bạn muốn làm thủ tục gì?</source>
        <translation>Which procedure do you need?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các thủ tục được làm nhiều nhất. Hoặc gõ tên thủ tục, có dấu hay không dấu đều được.</source>
        <translation>These are the most common procedures. Or type the name of a procedure, with or without Vietnamese accents.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tìm thủ tục</source>
        <translation>Find a procedure</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không tìm thấy thủ tục nào. Hãy thử gõ ngắn hơn, ví dụ “khai sinh”, hoặc bấm “Gọi nhân viên hỗ trợ”.</source>
        <translation>No procedure was found. Try typing fewer words, for example “khai sinh” (birth registration), or press “Call staff for help”.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Lệ phí: %1 · %2 · Mã %3</source>
        <translation>Fee: %1 · %2 · Code %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trả kết quả trong ngày</source>
        <translation>Result on the same day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ngày làm việc</source>
        <translation>%1 working day(s)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Xem hướng dẫn</source>
        <translation>See the guide</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="+158"/>
        <source>Không tìm thấy thủ tục này. Hãy chọn một thủ tục trong danh sách.</source>
        <translation>This procedure was not found. Please choose one from the list.</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../ticket_model.py" line="+31"/>
        <source>Chưa lấy được số. Xin hãy thử lại hoặc hỏi cán bộ tại quầy.</source>
        <translation>Could not get a number. Please try again or ask the staff at the desk.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiếu chưa in được: %1 Xin hãy ghi nhớ số của bạn.</source>
        <translation>The ticket could not be printed: %1 Please remember your number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không rõ máy in đã in phiếu hay chưa.</source>
        <translation>Not sure whether the printer has printed the ticket.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mời bạn nhận phiếu ở khe máy in.</source>
        <translation>Please take your ticket from the printer slot.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang in phiếu…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <location filename="../../egov/queue.py" line="+62"/>
        <source>Nộp hồ sơ</source>
        <translation>Hand in an application</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhận kết quả</source>
        <translation>Collect a result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hỏi đáp, tra cứu</source>
        <translation>Questions and look-ups</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Không có dịch vụ này. Hãy chọn một trong các dịch vụ trên màn hình.</source>
        <translation>There is no such service. Please choose one of the services on the screen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Số %1 không còn đang được gọi (đã xong hoặc đã báo vắng). Danh sách đã được cập nhật.</source>
        <translation>Number %1 is no longer being called (already served or marked absent). The list has been updated.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không tìm thấy hồ sơ để ghi vào số thứ tự này.</source>
        <translation>No application was found to record against this queue number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên quầy hoặc máy không hợp lệ.</source>
        <translation>The desk or machine name is not valid.</translation>
    </message>
    <message>
        <location filename="../../agent_point/queue_model.py" line="+43"/>
        <source>Mời số %1 đến %2.</source>
        <translation>Number %1, please come to %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không còn ai đang chờ.</source>
        <translation>Nobody else is waiting.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã gọi lại số %1.</source>
        <translation>Number %1 has been called again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số %1 vắng mặt. Bấm “Gọi số tiếp theo” để gọi người sau.</source>
        <translation>Number %1 is absent. Press “Call next number” to call the next person.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã phục vụ xong số %1.</source>
        <translation>Number %1 has been served.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số %1 đã nộp hồ sơ. Đã phục vụ xong.</source>
        <translation>Number %1 has handed in an application and has been served.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã phát số %1 (%2). Đang in phiếu…</source>
        <translation>Number %1 issued (%2). Printing the ticket…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã phát số %1. Phiếu đã in.</source>
        <translation>Number %1 issued. The ticket has been printed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiếu số %1 chưa in được: %2 Hãy ghi số cho công dân.</source>
        <translation>The ticket for number %1 could not be printed: %2 Please write the number down for the citizen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa gọi số nào đến quầy này.</source>
        <translation>No number has been called to this desk yet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa làm được việc này do lỗi hệ thống. Hãy thử lại.</source>
        <translation>This could not be done because of a system error. Please try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không đọc được hàng đợi. Máy sẽ thử lại.</source>
        <translation>Could not read the queue. The machine will try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hôm nay: %1 số đã gọi, chờ trung bình %2 phút.</source>
        <translation>Today: %1 numbers called, average wait %2 min.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 phút</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <location filename="../qml/pages/Rating.qml" line="+22"/>
        <source>Điều gì chúng tôi cần làm tốt hơn?</source>
        <translation>What should we do better?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Góp ý của bạn</source>
        <translation>Your feedback</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bạn có hài lòng với dịch vụ hôm nay không?</source>
        <translation>Are you happy with the service today?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn một điều, hoặc bấm “Bỏ qua”.</source>
        <translation>Choose one, or press “Skip”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Viết điều bạn muốn góp ý, rồi bấm “Gửi góp ý”. Không cần ghi tên hay số điện thoại.</source>
        <translation>Write what you would like to tell us, then press “Send feedback”. You do not need to give your name or phone number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chạm vào một khuôn mặt. Không bắt buộc.</source>
        <translation>Touch one of the faces. You do not have to.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bỏ qua</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gửi góp ý</source>
        <translation>Send feedback</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ qua và kết thúc</source>
        <translation>Skip and finish</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>Bạn đã chọn: %1</source>
        <translation>You chose: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cảm ơn bạn! Góp ý đã được gửi đến người quản lý.</source>
        <translation>Thank you! Your feedback has been sent to the manager.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✎ Góp ý bằng chữ</source>
        <translation>✎ Write your feedback</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nội dung góp ý</source>
        <translation>What you want to tell us</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Góp ý được gửi đến người quản lý của điểm tiếp nhận, không kèm tên bạn.</source>
        <translation>Your feedback goes to the manager of this reception point, without your name.</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="+616"/>
        <source>Hãy chọn một mức từ 1 đến 5.</source>
        <translation>Please choose a score from 1 to 5.</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <location filename="../qml/pages/Receipt.qml" line="+7"/>
        <source>Đã nộp hồ sơ</source>
        <translation>Your application has been submitted</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đã ghi nhận hồ sơ</source>
        <translation>Your application has been recorded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hoàn tất ›</source>
        <translation>Finish ›</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+17"/>
        <source>Mã hồ sơ của bạn</source>
        <translation>Your application code</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Ngày hẹn trả kết quả</source>
        <translation>Result due on</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Số tham chiếu tạm</source>
        <translation>Temporary reference number</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ngày hẹn trả kết quả: %1</source>
        <translation>Date to collect the result: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tiếp theo:
• Cơ quan sẽ xem xét hồ sơ và báo nếu cần bổ sung.
• Dùng mã hồ sơ hoặc quét mã QR trên phiếu để tra cứu.
• Mang theo phiếu này và thẻ căn cước khi đến nhận kết quả.</source>
        <translation>What happens next:
• The office will look at your application and tell you if anything more is needed.
• To check progress, use the application code or scan the QR code on the slip.
• Bring this slip and your citizen ID card when you come to collect the result.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Phiếu tiếp nhận in hai liên: người nộp hồ sơ và cán bộ cùng ký cả hai liên; đưa người nộp liên 1, lưu liên 2.</source>
        <translation>The receipt prints in two copies: the applicant and the agent both sign both copies; give copy 1 to the applicant and keep copy 2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đang in phiếu tiếp nhận…</source>
        <translation>Printing the receipt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In phiếu tiếp nhận</source>
        <translation>Print the receipt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In lại phiếu tiếp nhận</source>
        <translation>Print the receipt again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In lại phiếu hẹn</source>
        <translation>Print the appointment slip again</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In phiếu hẹn</source>
        <translation>Print the appointment slip</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Đang in phiếu hẹn…</source>
        <translation>Printing the appointment slip…</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../egov/reports.py" line="+74"/>
        <source>Tiền mặt</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuyển khoản VietQR</source>
        <translation>VietQR transfer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nộp khi nhận kết quả</source>
        <translation>Pay when collecting the result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cổng thanh toán</source>
        <translation>Payment service</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BÁO CÁO CUỐI NGÀY</source>
        <translation>END-OF-DAY REPORT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã kiểm tra nhật ký</source>
        <translation>Audit log check code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toàn điểm tiếp nhận</source>
        <translation>Whole reception point</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tỷ lệ hồ sơ trực tuyến = số hồ sơ nhận trong ngày được gửi điện tử lên cổng dịch vụ công (nộp tại quầy hoặc tại ki-ốt) / tổng số hồ sơ nhận trong ngày. Hồ sơ gửi bản giấy qua bưu chính không tính là trực tuyến.</source>
        <translation>Online application rate = applications received that day and sent electronically to the public services portal (handed in at the desk or at the kiosk) / all applications received that day. Applications sent on paper by post do not count as online.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Khoản lệ phí do tỉnh quy định, chưa xác nhận số tiền</source>
        <translation>State fees set by the province, amount not yet confirmed</translation>
    </message>
    <message>
        <location line="+298"/>
        <source>Thông tin chung</source>
        <translation>General information</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+153"/>
        <source>Mục</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="-153"/>
        <location line="+153"/>
        <source>Giá trị</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Mã điểm tiếp nhận</source>
        <translation>Reception point code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phạm vi</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lập lúc</source>
        <translation>Made at</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../agent_point/report_model.py" line="+101"/>
        <source>Tổng số hồ sơ</source>
        <translation>Total applications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tổng lệ phí (đ)</source>
        <translation>Total state fees (dong)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tổng phí dịch vụ (đ)</source>
        <translation>Total service charges (dong)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+65"/>
        <source>Tiền mặt phải nộp (đ)</source>
        <translation>Cash to hand over (dong)</translation>
    </message>
    <message>
        <location line="-64"/>
        <location filename="../../agent_point/report_model.py" line="+8"/>
        <source>Hồ sơ quá hạn</source>
        <translation>Late applications</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+124"/>
        <location filename="../../agent_point/report_model.py" line="+3"/>
        <source>Tỷ lệ hồ sơ trực tuyến</source>
        <translation>Online application rate</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Hồ sơ theo thủ tục và trạng thái</source>
        <translation>Applications by procedure and status</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+76"/>
        <source>Mã thủ tục</source>
        <translation>Procedure code</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tổng</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+28"/>
        <source>Tổng cộng</source>
        <translation>Grand total</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Phí, lệ phí theo hình thức nộp (theo các khoản đã ghi nhận)</source>
        <translation>Fees and charges by way of payment (recorded items)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hình thức</source>
        <translation>Way of payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số khoản</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cộng (đ)</source>
        <translation>Sum (dong)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Theo cán bộ: tiền mặt phải nộp</source>
        <translation>By agent: cash to hand over</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+29"/>
        <source>Tài khoản</source>
        <translation>Account</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+57"/>
        <location line="+10"/>
        <source>Số hồ sơ</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Lệ phí tiền mặt (đ)</source>
        <translation>State fees in cash (dong)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phí dịch vụ tiền mặt (đ)</source>
        <translation>Service charges in cash (dong)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Hồ sơ quá hạn trả kết quả</source>
        <translation>Applications past their result date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mã hồ sơ</source>
        <translation>Application code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ngày hẹn trả</source>
        <translation>Result due on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số ngày quá hạn</source>
        <translation>Days late</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đánh giá mức độ hài lòng (cả điểm tiếp nhận)</source>
        <translation>Satisfaction ratings (whole reception point)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mức đánh giá</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+68"/>
        <source>Số lượt</source>
        <translation>Count</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Tổng số lượt</source>
        <translation>Total ratings</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Điểm trung bình</source>
        <translation>Average score</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cách lấy thông tin người nộp</source>
        <translation>How the applicant&apos;s details were taken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cách lấy</source>
        <translation>Method</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đọc chip CCCD</source>
        <translation>Chip ID card read</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập tay</source>
        <translation>Typed in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không ghi nhận</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kênh</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nộp tại quầy, gửi điện tử</source>
        <translation>Handed in at the desk, sent electronically</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nộp tại ki-ốt, gửi điện tử</source>
        <translation>Handed in at the kiosk, sent electronically</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gửi bản giấy qua bưu chính</source>
        <translation>Paper copy sent by post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tỷ lệ trực tuyến</source>
        <translation>Online rate</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hàng đợi</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Số thứ tự đã phát</source>
        <translation>Queue numbers issued</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã phục vụ</source>
        <translation>Served</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gọi nhưng vắng mặt</source>
        <translation>Called but absent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Còn chờ hoặc đang phục vụ</source>
        <translation>Still waiting or being served</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thời gian chờ trung bình (phút)</source>
        <translation>Average wait (minutes)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Điều cần làm tốt hơn (lý do chọn sau khi đánh giá) và góp ý</source>
        <translation>What to do better (reasons chosen after a rating) and written feedback</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trong đó kèm mức Bình thường trở xuống</source>
        <translation>Of which rated Average or lower</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không chọn lý do</source>
        <translation>No reason chosen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Số góp ý bằng chữ đã nhận</source>
        <translation>Written comments received</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nội dung góp ý chỉ người quản lý xem được, trong mục “Góp ý” của điểm tiếp nhận.</source>
        <translation>Only the manager can read the comments, under “Feedback” at the reception point.</translation>
    </message>
    <message>
        <location filename="../../agent_point/report_model.py" line="-64"/>
        <source>Không lập được báo cáo. Hãy thử lại.</source>
        <translation>The report could not be made. Please try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã lưu báo cáo vào %1</source>
        <translation>Report saved to %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không lưu được báo cáo. Hãy kiểm tra ổ đĩa rồi thử lại.</source>
        <translation>The report could not be saved. Please check the disk and try again.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Lệ phí</source>
        <translation>State fee</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phí dịch vụ</source>
        <translation>Service charge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tiền mặt phải nộp</source>
        <translation>Cash to hand over</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đánh giá trung bình</source>
        <translation>Average rating</translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message>
        <location filename="../scan_model.py" line="+45"/>
        <source>Không làm được ảnh trang này. Xin hãy chụp lại.</source>
        <translation>This page&apos;s picture could not be made. Please take it again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ảnh giấy tờ quá nặng để gửi. Hãy xóa bớt trang thừa hoặc báo cán bộ hướng dẫn.</source>
        <translation>The document pictures are too large to send. Delete extra pages or tell a staff member.</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Đang mở máy ảnh…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Bốn góc này không tạo thành một tờ giấy. Hãy kéo lại cho đúng.</source>
        <translation>These four corners do not make a sheet of paper. Please drag them again.</translation>
    </message>
    <message>
        <location filename="../../hardware/scanner/formats.py" line="+105"/>
        <source>Khổ A4</source>
        <translation>A4 size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khổ B5</source>
        <translation>B5 size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khổ A5</source>
        <translation>A5 size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thẻ (căn cước, giấy phép lái xe)</source>
        <translation>Card (ID card, driving licence)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trang sổ hộ khẩu</source>
        <translation>Household register page</translation>
    </message>
    <message>
        <location filename="../../hardware/scanner/live.py" line="+56"/>
        <source>Đang chụp, xin giữ yên…</source>
        <translation>Taking the picture, please keep still…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã thấy giấy. Xin giữ yên…</source>
        <translation>Paper found. Please keep it still…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã chụp trang này. Hãy lấy tờ giấy ra rồi đặt trang tiếp theo vào.</source>
        <translation>This page is taken. Remove the paper and lay the next page.</translation>
    </message>
    <message>
        <location filename="../../hardware/scanner/quality.py" line="+44"/>
        <source>Chưa thấy giấy. Hãy đặt tờ giấy lên mặt bàn, dưới máy ảnh.</source>
        <translation>No paper seen yet. Lay the paper on the table, under the camera.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Một phần tờ giấy nằm ngoài khung hình. Hãy đẩy tờ giấy vào giữa mặt bàn.</source>
        <translation>Part of the paper is outside the picture. Push the paper to the middle of the table.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tờ giấy trông quá nhỏ. Hãy đặt tờ giấy vào giữa mặt bàn, dưới máy ảnh.</source>
        <translation>The paper looks too small. Lay it in the middle of the table, under the camera.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hãy để yên tờ giấy và bỏ tay ra một chút.</source>
        <translation>Leave the paper still and take your hand away for a moment.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ảnh quá tối. Hãy bật đèn hoặc báo cán bộ hướng dẫn.</source>
        <translation>The picture is too dark. Turn on the light or tell a staff member.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ảnh quá sáng. Hãy tránh ánh nắng chiếu thẳng hoặc báo cán bộ hướng dẫn.</source>
        <translation>The picture is too bright. Avoid direct sunlight or tell a staff member.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tờ giấy bị lóa sáng. Hãy bỏ lớp bọc nhựa hoặc xoay nhẹ tờ giấy.</source>
        <translation>There is glare on the paper. Remove the plastic sleeve or turn the paper slightly.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ảnh bị mờ. Hãy để yên tờ giấy để chụp lại.</source>
        <translation>The picture is blurred. Keep the paper still to take it again.</translation>
    </message>
</context>
<context>
    <name>Seal</name>
    <message>
        <location filename="../qml/pages/Seal.qml" line="+10"/>
        <source>Niêm phong và gửi hồ sơ giấy</source>
        <translation>Seal and send the paper documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cho giấy tờ đã kiểm tra vào phong bì và niêm phong trước mặt người dân. Dán phiếu gửi, rồi nhập hoặc quét số hiệu bưu gửi.</source>
        <translation>Put the checked documents in an envelope and seal it in front of the citizen. Stick on the postage label, then type or scan the tracking number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục ›</source>
        <translation>Continue ›</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Số hiệu bưu gửi</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ví dụ: EE123456785VN</source>
        <translation>For example: EE123456785VN</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mã hồ sơ: %1</source>
        <translation>Application code: %1</translation>
    </message>
    <message>
        <location filename="../../egov/visit.py" line="-837"/>
        <source>Số hiệu bưu gửi gồm 4 đến 32 chữ cái hoặc chữ số (ví dụ EE123456785VN). Hãy nhập lại hoặc quét mã vạch trên phiếu gửi.</source>
        <translation>A tracking number has 4 to 32 letters or digits (for example EE123456785VN). Please type it again or scan the barcode on the postage label.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Số hiệu bưu gửi này sai số kiểm tra: có thể gõ nhầm một chữ số. Hãy nhập lại hoặc quét mã vạch.</source>
        <translation>This tracking number has a wrong check digit: a digit may have been mistyped. Please type it again or scan the barcode.</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <location filename="../../agent_point/search_model.py" line="+48"/>
        <source>Hãy nhập số định danh cá nhân hoặc mã hồ sơ.</source>
        <translation>Please enter a personal ID number or an application code.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số định danh cá nhân (số CCCD) có 12 chữ số; số CMND cũ có 9 chữ số. Hãy kiểm tra lại.</source>
        <translation>A personal ID number (CCCD number) has 12 digits; an old ID card number (CMND) has 9 digits. Please check it again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tình nguyện viên không được tìm hồ sơ theo số định danh. Hãy tìm theo mã hồ sơ trên biên nhận, hoặc nhờ cán bộ tiếp nhận.</source>
        <translation>Volunteers may not search for applications by ID number. Please search by the application code on the receipt, or ask an agent.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không có hồ sơ nào của số định danh này ở điểm tiếp nhận. Hồ sơ đã xóa theo thời hạn lưu không tìm được theo số định danh; hãy tìm theo mã hồ sơ.</source>
        <translation>There are no applications for this ID number at this reception point. Applications deleted at the end of the retention period cannot be found by ID number; please search by application code.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không có hồ sơ nào với mã này trên máy.</source>
        <translation>There is no application with this code on this machine.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tìm thấy %1 hồ sơ.</source>
        <translation>Found %1 application(s).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không tìm được do lỗi hệ thống. Hãy thử lại.</source>
        <translation>The search failed because of a system error. Please try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thông tin cá nhân của hồ sơ này đã được xóa theo thời hạn lưu (Nghị định 13/2023), nên không in lại biên nhận được. Mã hồ sơ vẫn tra cứu được trên cổng dịch vụ công.</source>
        <translation>The personal details of this application were deleted at the end of the retention period (Decree 13/2023), so the receipt cannot be printed again. The application code can still be looked up on the public services portal.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã in lại biên nhận, có dòng chữ BẢN IN LẠI.</source>
        <translation>The receipt has been printed again, marked “BẢN IN LẠI” (reprint).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa in lại được biên nhận. Hãy thử lại.</source>
        <translation>The receipt could not be printed again. Please try again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã ghi nhận công dân rút lại đồng ý: %1.</source>
        <translation>Recorded that the citizen withdrew consent: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã ghi nhận công dân rút lại đồng ý: %1. Hồ sơ chưa gửi nên sẽ không được gửi đi nữa.</source>
        <translation>Recorded that the citizen withdrew consent: %1. The application has not been sent yet, so it will no longer be sent.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không còn sự đồng ý nào có hiệu lực cho mục này.</source>
        <translation>There is no consent still in force for this item.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa ghi nhận được việc rút lại đồng ý. Hãy thử lại.</source>
        <translation>Could not record that consent was withdrawn. Please try again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gửi thông tin và giấy tờ đến cơ quan giải quyết</source>
        <translation>Send information and documents to the office that handles the procedure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dùng số điện thoại để báo tình trạng hồ sơ</source>
        <translation>Use the phone number to report how the application is progressing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>chọn trên màn hình</source>
        <translation>chosen on the screen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ký trên màn hình</source>
        <translation>signed on the screen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ký trên giấy</source>
        <translation>signed on paper</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../qml/pages/SignIn.qml" line="+7"/>
        <source>Đăng nhập điểm tiếp nhận</source>
        <translation>Sign in to the reception point</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dùng tài khoản do người quản lý cấp. Không dùng tài khoản VNeID của công dân.</source>
        <translation>Use the account your manager gave you. Do not use a citizen&apos;s VNeID account.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../qml/components/SignaturePad.qml" line="+23"/>
        <source>Ký ở đây</source>
        <translation>Sign here</translation>
    </message>
</context>
<context>
    <name>SpeakButton</name>
    <message>
        <location filename="../qml/components/SpeakButton.qml" line="+16"/>
        <source>■ Dừng đọc</source>
        <translation>■ Stop reading</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>▶ Nghe lại</source>
        <translation>▶ Listen again</translation>
    </message>
</context>
<context>
    <name>Submit</name>
    <message>
        <location filename="../qml/pages/Submit.qml" line="+8"/>
        <source>Đang gửi hồ sơ…</source>
        <translation>Sending your application…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chưa gửi được hồ sơ</source>
        <translation>The application could not be sent yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xin chờ một chút, không cần bấm gì.</source>
        <translation>Please wait a moment. You do not need to press anything.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thử gửi lại</source>
        <translation>Try sending again</translation>
    </message>
</context>
<context>
    <name>TicketService</name>
    <message>
        <location filename="../qml/pages/TicketService.qml" line="+8"/>
        <source>Lấy số thứ tự</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang lấy số…</source>
        <translation>Getting a number…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bạn đến để làm gì? Chạm vào một ô.</source>
        <translation>What have you come for? Touch one of the boxes.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Máy sẽ in phiếu có số thứ tự. Khi số của bạn được gọi, mời đến quầy được báo.</source>
        <translation>The machine will print a ticket with your queue number. When your number is called, please go to the desk shown.</translation>
    </message>
</context>
<context>
    <name>TicketTaken</name>
    <message>
        <location filename="../qml/pages/TicketTaken.qml" line="+8"/>
        <source>Số của bạn</source>
        <translation>Your number</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Không có ai chờ trước bạn.</source>
        <translation>Nobody is waiting before you.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Có %1 người đang chờ trước bạn.</source>
        <translation>People waiting before you: %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Xin vui lòng chờ đến lượt.</source>
        <translation>Please wait for your turn.</translation>
    </message>
</context>
<context>
    <name>Tracking</name>
    <message>
        <location filename="../../egov/tracking.py" line="+77"/>
        <source>Không tìm thấy hồ sơ với mã và số cuối giấy tờ này. Hãy kiểm tra lại mã trên phiếu hẹn và 4 số cuối của số định danh cá nhân.</source>
        <translation>No dossier was found with this code and these digits. Check the code on your appointment slip and the last 4 digits of your personal ID number.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chưa kết nối được cổng dịch vụ công để tra cứu hồ sơ này. Hãy thử lại sau ít phút hoặc hỏi cán bộ tại quầy.</source>
        <translation>The public-service portal cannot be reached to look this dossier up. Try again in a few minutes or ask the staff at the desk.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hồ sơ đã được ghi nhận tại đây và sẽ tự gửi đến cơ quan giải quyết khi có mạng.</source>
        <translation>Your dossier is recorded here and will be sent to the agency by itself when the network is back.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hồ sơ đang được gửi đến cơ quan giải quyết.</source>
        <translation>Your dossier is being sent to the agency.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hồ sơ cần cán bộ kiểm tra trước khi gửi. Hãy hỏi cán bộ tại quầy tiếp nhận.</source>
        <translation>Your dossier needs a check by staff before it is sent. Please ask at the reception desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cổng dịch vụ công không nhận hồ sơ này. Hãy hỏi cán bộ tại quầy tiếp nhận.</source>
        <translation>The public-service portal did not take this dossier. Please ask at the reception desk.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hồ sơ đã đến cơ quan và đang chờ tiếp nhận.</source>
        <translation>Your dossier has reached the agency and is waiting to be received.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan đã tiếp nhận hồ sơ.</source>
        <translation>The agency has received your dossier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan không tiếp nhận hồ sơ. Hãy hỏi cán bộ tại quầy để biết lý do.</source>
        <translation>The agency did not accept your dossier. Ask at the desk for the reason.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hồ sơ đang được giải quyết.</source>
        <translation>Your dossier is being processed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan cần bạn bổ sung giấy tờ. Hãy đến quầy tiếp nhận hoặc gọi nhân viên hỗ trợ.</source>
        <translation>The agency needs more documents from you. Please come to the reception desk or call for help.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cần nộp phí, lệ phí trước khi nhận kết quả. Hãy hỏi cán bộ tại quầy.</source>
        <translation>Fees must be paid before you receive the result. Please ask at the desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hồ sơ đã được rút theo yêu cầu.</source>
        <translation>The dossier was withdrawn at your request.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan đã dừng giải quyết hồ sơ. Hãy hỏi cán bộ tại quầy để biết lý do.</source>
        <translation>The agency has stopped processing your dossier. Ask at the desk for the reason.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã có kết quả. Bạn mang phiếu hẹn và giấy tờ tùy thân đến nhận kết quả.</source>
        <translation>The result is ready. Bring your appointment slip and your ID to collect it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã trả kết quả.</source>
        <translation>The result has been handed over.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chờ gửi</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang gửi</source>
        <translation>Being sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã gửi đến cơ quan</source>
        <translation>Sent to the agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cổng không nhận</source>
        <translation>Refused by the portal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cần xử lý</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hồ sơ đã quá ngày hẹn trả kết quả. Hãy hỏi cán bộ tại quầy tiếp nhận.</source>
        <translation>Your dossier is past its appointment date. Please ask at the reception desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hồ sơ đã được gửi đến cơ quan giải quyết; chưa có thông tin mới.</source>
        <translation>Your dossier was sent to the agency; there is no news yet.</translation>
    </message>
</context>
<context>
    <name>Visit</name>
    <message>
        <location filename="../visit_model.py" line="-578"/>
        <source>Đã in phiếu.</source>
        <translation>The slip has been printed.</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../qml/pages/Welcome.qml" line="+30"/>
        <source>Dịch vụ công trực tuyến</source>
        <translation>Online public services</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tiếp nhận hồ sơ cho công dân: xác định người nộp, chọn thủ tục, điền tờ khai, chụp giấy tờ và gửi.</source>
        <translation>Receive applications for citizens: identify the applicant, choose the procedure, fill in the form, photograph the documents and send.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xin chào! Máy này giúp bạn nộp hồ sơ thủ tục hành chính: đăng ký khai sinh, tạm trú, chứng thực và nhiều thủ tục khác.</source>
        <translation>Hello! This machine helps you apply for public services: birth registration, temporary residence, certified copies and many more.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bắt đầu tiếp nhận</source>
        <translation>Start a new application</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chạm vào đây để bắt đầu</source>
        <translation>Touch here to start</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tra cứu hồ sơ đã nộp</source>
        <translation>Look up an application you handed in</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lấy số thứ tự</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cần mang giấy tờ gì?</source>
        <translation>What documents do I need?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cần giúp đỡ? Hãy hỏi cán bộ tại quầy hoặc gọi %1.</source>
        <translation>Need help? Ask the staff at the counter or call %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Danh mục thủ tục: phiên bản %1, cập nhật %2</source>
        <translation>List of procedures: version %1, updated %2</translation>
    </message>
</context>
</TS>
